import { Command } from 'commander';
import { startServer } from '../../server.js';
import { configOf } from '../context.js';

export const serveCommand = new Command('serve')
  .description('avvia il server HTTP (API, documentazione su /docs)')
  .option('-p, --port <port>', 'porta (PORT)')
  .option('--host <host>', 'indirizzo di ascolto (HOST)')
  .option('--demo', 'carica il piano dimostrativo se il database è vuoto')
  .action(async (options: { port?: string; host?: string; demo?: boolean }, command: Command) => {
    const config = configOf(command, {
      ...(options.port ? { PORT: options.port } : {}),
      ...(options.host ? { HOST: options.host } : {}),
    });
    const app = await startServer({ config, demo: Boolean(options.demo) });
    const stop = () => void app.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
