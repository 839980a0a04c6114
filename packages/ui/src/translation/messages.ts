/** English messages of the ui package. */
export const uiMessages = {
  progress: { label: 'Loading' },
  header: { documentTitle: '{{title}} | {{appTitle}}' },
  errorPanel: {
    title: 'Something went wrong',
    retry: 'Try again',
    showDetails: 'Show details',
    hideDetails: 'Hide details',
  },
  link: { newTab: '(opens in a new tab)' },
} as const;
