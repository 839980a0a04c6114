// Test helpers for provider modules (`@greenroom/plugin-auth-backend/testing`); not for runtime use.
export { readPopupMessage } from './readPopupMessage';
