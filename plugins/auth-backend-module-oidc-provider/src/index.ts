export { authModuleOidcProvider } from './module';
export { oidcAuthenticator } from './authenticator/oidcAuthenticator';
