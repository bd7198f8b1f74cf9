// Live sync's delivery latency (docs/live-sync.md): from a write's 2xx to its event on every open
// connection of the writer, with 200 connections held by the local stack's WebSocket API.
import type { Note } from '@jotter/shared/notes';
import { apiClient } from '@jotter/tools/testing/api';
import { openLive, type LiveClient } from '@jotter/tools/testing/live';
import type { StackInfo } from '@jotter/tools/testing/stack';
import { createTestUser } from '@jotter/tools/testing/users';

export interface LiveLatency {
  /** One value per write and connection of its owner, in ms. */
  times: number[];
  connections: number;
  writes: number;
  lost: number;
}

export async function liveLatency(stack: StackInfo, { users = 10, connectionsPerUser = 20, writes = 60 } = {}): Promise<LiveLatency> {
  const people = await Promise.all(Array.from({ length: users }, () => createTestUser(stack)));
  const clients: LiveClient[][] = [];
  // Opened a few at a time: each $connect is a Lambda run (token check and a transaction).
  for (const person of people) clients.push(await Promise.all(Array.from({ length: connectionsPerUser }, () => openLive(stack, person.accessToken))));
  const times: number[] = [];
  let lost = 0;
  try {
    const notes = await Promise.all(people.map(async (person) => (await apiClient(stack, person.accessToken).post<Note>('/notes', { title: 'Live bench', content: '0' })).body!));
    await Promise.all(clients.map((own) => Promise.all(own.map((client) => client.waitForEvents(1)))));
    for (let i = 0; i < writes; i++) {
      const owner = i % users;
      const note = notes[owner]!;
      const response = await apiClient(stack, people[owner]!.accessToken).put<Note>(`/notes/${note.noteId}`, { title: 'Live bench', content: String(i + 1), version: note.version });
      const answeredAt = Date.now();
      if (response.status !== 200) throw new Error(`PUT answered ${response.status}: ${response.text}`);
      notes[owner] = response.body!;
      const version = response.body!.version;
      await Promise.all(
        clients[owner]!.map(async (client) => {
          const arrived = () => client.events.find((event) => event.noteId === note.noteId && event.version === version);
          const deadline = Date.now() + 5_000;
          while (!arrived() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
          const event = arrived();
          if (event) times.push(Math.max(0, event.receivedAt - answeredAt));
          else lost++;
        }),
      );
    }
  } finally {
    await Promise.all(clients.flat().map((client) => client.close()));
  }
  return { times, connections: users * connectionsPerUser, writes, lost };
}
