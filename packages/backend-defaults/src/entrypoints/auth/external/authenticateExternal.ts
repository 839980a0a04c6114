import type {
  BackstageCredentials,
  BackstageServicePrincipal,
} from '@greenroom/backend-plugin-api';
import { AuthenticationError, NotAllowedError } from '@greenroom/errors';
import { createCredentials } from '../credentials';
import type { Explain } from '../explain';
import type { ExternalAccessEntry } from './types';

/**
 * Tries each external access method in config order. The first that accepts the token wins;
 * if none does, the first problem a method reported (e.g. "expired") is the 401 message.
 * Restricted tokens are refused with 403 by plugins outside their restriction list.
 */
export async function authenticateExternal(
  token: string,
  options: { pluginId: string; entries: readonly ExternalAccessEntry[]; explain: Explain },
): Promise<BackstageCredentials> {
  let firstProblem: { problem: string; fix?: string } | undefined;
  for (const entry of options.entries) {
    const result = await entry.handler.verify(token);
    if (!result) continue;
    if ('problem' in result) {
      firstProblem ??= result;
      continue;
    }
    const principal: BackstageServicePrincipal = { type: 'service', subject: result.subject };
    if (entry.accessRestrictions) {
      const restriction = entry.accessRestrictions.get(options.pluginId);
      if (!restriction) {
        const plugins = [...entry.accessRestrictions.keys()].map(id => `'${id}'`).join(', ');
        throw new NotAllowedError(`This token's access is restricted to plugin(s) ${plugins}`);
      }
      if (restriction.permissionNames || restriction.permissionAttributes) {
        principal.accessRestrictions = restriction;
      }
    }
    return createCredentials(principal);
  }
  if (firstProblem) {
    throw new AuthenticationError(options.explain(firstProblem.problem, firstProblem.fix));
  }
  throw new AuthenticationError(
    options.explain(
      'Illegal token: it is not a user, plugin or configured external access token',
      'send a user token from sign-in, a token from auth.getPluginRequestToken, or a token configured in backend.auth.externalAccess',
    ),
  );
}
