/** What `--help` says about the environment; no imports, so any command's help stays cheap to load. */

/** The variables a command may read, each with the lines `--help` says about it. */
const VARIABLES = {
  HUBSPOT_ACCESS_TOKEN: [
    "the portal's static-auth app token or service key (pat-…); never printed.",
    'Without it the command needs --sandbox and changes nothing in HubSpot.',
  ],
  ROLECALL_PUBLIC_URL: ["the rolecall backend that holds each portal's saved playbook (or --server)."],
  HUBSPOT_CLIENT_SECRET: ['signs requests to that backend, as HubSpot signs them; never printed.'],
} as const;
export type Variable = keyof typeof VARIABLES;

/** `--help`'s Environment and Examples sections: the variables the command reads and its own examples. */
export function environmentHelp(variables: readonly Variable[], examples: readonly string[]): string {
  const width = Math.max(...variables.map((name) => name.length)) + 2;
  return [
    '',
    'Environment:',
    ...variables.flatMap((name) =>
      VARIABLES[name].map((line, i) => `  ${(i === 0 ? name : '').padEnd(width)}${line}`),
    ),
    '',
    'Examples:',
    ...examples.map((example) => `  $ ${example}`),
  ].join('\n');
}
