import type { TestProject } from 'vitest/node';
import { startRefServer, type RefServer } from './ref-server.js';

let server: RefServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  server = await startRefServer();
  project.provide('erlPort', server.port);
}

export async function teardown(): Promise<void> {
  server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    erlPort: number;
  }
}
