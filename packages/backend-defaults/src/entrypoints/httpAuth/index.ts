export { httpAuthServiceFactory } from './httpAuthServiceFactory';
export { USER_COOKIE_NAME } from './DefaultHttpAuthService';
