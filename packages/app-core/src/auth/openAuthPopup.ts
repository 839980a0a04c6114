/** The popup did not deliver a sign-in result. */
export class AuthPopupError extends Error {
  override readonly name = 'AuthPopupError';
}

/**
 * Opens the provider's start URL in a popup and resolves with the `authorization_response` the
 * auth backend's handler page posts back, accepting messages from `expectedOrigin` only.
 */
export function openAuthPopup(url: string, expectedOrigin: string): Promise<unknown> {
  const width = 500;
  const height = 700;
  const left = Math.max(0, window.screenX + (window.outerWidth - width) / 2);
  const top = Math.max(0, window.screenY + (window.outerHeight - height) / 2);
  const popup = window.open(
    url,
    'greenroom-auth',
    `width=${width},height=${height},left=${left},top=${top}`,
  );

  return new Promise((resolve, reject) => {
    if (!popup) {
      reject(new AuthPopupError('The sign-in window was blocked; allow popups for this site'));
      return;
    }
    const done = () => {
      window.removeEventListener('message', onMessage);
      clearInterval(closedPoll);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== expectedOrigin) return;
      const data = event.data as {
        type?: unknown;
        response?: unknown;
        error?: { message?: unknown };
      };
      if (data?.type !== 'authorization_response') return;
      done();
      if (data.error) {
        const message =
          typeof data.error.message === 'string' ? data.error.message : 'unknown error';
        reject(new AuthPopupError(message));
      } else {
        resolve(data.response);
      }
    };
    window.addEventListener('message', onMessage);
    const closedPoll = setInterval(() => {
      if (popup.closed) {
        done();
        reject(new AuthPopupError('The sign-in window was closed before signing in'));
      }
    }, 500);
  });
}
