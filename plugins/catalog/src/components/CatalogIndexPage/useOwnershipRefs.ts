import { identityApiRef, useApi } from '@greenroom/frontend-plugin-api';
import { useEffect, useState } from 'react';

/** The signed-in user's ownership refs (the user and their groups); undefined until known. */
export function useOwnershipRefs(): readonly string[] | undefined {
  const identityApi = useApi(identityApiRef);
  const [refs, setRefs] = useState<readonly string[]>();
  useEffect(() => {
    let current = true;
    identityApi.getBackstageIdentity().then(
      identity => current && setRefs(identity.ownershipEntityRefs),
      () => current && setRefs([]),
    );
    return () => {
      current = false;
    };
  }, [identityApi]);
  return refs;
}
