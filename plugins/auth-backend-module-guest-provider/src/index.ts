export { authModuleGuestProvider } from './module';
