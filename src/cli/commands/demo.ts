import type { Command } from 'commander';

/** `rolecall demo`: the main job on the embedded default (what `npm start` runs). */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Run the main job on embedded sample data: no HubSpot account needed.')
    .action(async () => {
      process.stdout.write('rolecall demo: the engine is being built; run "rolecall --help".\n');
    });
}
