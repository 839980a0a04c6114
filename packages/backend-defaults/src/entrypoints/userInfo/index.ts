export { userInfoServiceFactory } from './userInfoServiceFactory';
