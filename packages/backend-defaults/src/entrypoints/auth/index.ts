export { authServiceFactory } from './authServiceFactory';
export { MAX_TOKEN_LENGTH, TOKEN_TYPES, USER_TOKEN_AUDIENCE } from './tokenTypes';
