/** English messages of the app shell: navigation, sign-in, settings, errors. */
export const coreMessages = {
  app: {
    /** When app.title is not configured. */
    defaultTitle: 'Greenroom',
  },
  nav: {
    label: 'Main',
    skipToContent: 'Skip to content',
    openMenu: 'Open navigation',
    closeMenu: 'Close navigation',
    collapse: 'Collapse sidebar',
    expand: 'Expand sidebar',
    home: 'Home',
    settings: 'Settings',
  },
  home: {
    title: 'Welcome to {{appTitle}}',
    subtitle: 'Your developer portal',
    gettingStarted: 'Get started',
    createComponent: 'Create something new',
    browseCatalog: 'Browse the catalog',
    readDocs: 'Read the documentation',
    nothingInstalled:
      'Plugins you install add their pages to the sidebar and their shortcuts here.',
  },
  settings: {
    title: 'Settings',
    subtitle: 'Your profile and how the portal looks',
    profile: {
      title: 'Profile',
      signedInAs: 'Signed in as',
      email: 'Email',
      ownership: 'Owns on behalf of',
      signOut: 'Sign out',
      signOutFailed: 'Sign-out failed: {{message}}',
    },
    appearance: {
      title: 'Appearance',
      theme: 'Theme',
      light: 'Light',
      dark: 'Dark',
      auto: 'Auto',
      language: 'Language',
    },
  },
  notFound: {
    title: 'Page not found',
    description: 'There is no page at {{path}}.',
    goHome: 'Go to the home page',
  },
  signIn: {
    title: 'Sign in to {{appTitle}}',
    subtitle: 'Choose how to sign in',
    restoring: 'Restoring your session',
    guest: {
      title: 'Guest',
      description: 'Explore the portal without an account. Meant for development.',
      action: 'Enter as guest',
    },
    oidc: {
      title: 'Single sign-on',
      description: "Sign in with your organization's account.",
    },
    provider: {
      description: 'Sign in with {{provider}}.',
      action: 'Sign in',
    },
    providersNotFound:
      'The backend offers no sign-in: {{url}} answered 404 Not Found. Install the auth plugin in the backend and enable a provider under auth.providers in app-config.yaml.',
    providersFailed: 'Could not load the sign-in options from {{url}}: {{message}}',
    noProviders:
      'No sign-in provider is enabled. Enable one under auth.providers in app-config.yaml.',
    failed: 'Sign-in failed: {{message}}',
    retry: 'Try again',
    opening: 'Opening {{appTitle}}',
    openFailed: 'Signed in, but {{appTitle}} could not be opened: {{message}}',
    cookieNotAccepted:
      'the server did not accept the session cookie. Check that the browser allows cookies for this site.',
    leaving: 'Signing out',
  },
  errors: {
    startupTitle: 'The app could not start',
    startupDescription: 'Fix the problems below, then reload the page.',
    dismiss: 'Dismiss',
  },
} as const;
