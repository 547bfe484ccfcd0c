import { loadPlaces } from "./load.js";

/**
 * The child process started by ensurePlacesLoaded: waits for the database address on the IPC
 * channel, loads the towns, reports how many, and exits, handing its memory back.
 */
process.once("message", (message: { databaseUrl?: unknown }) => {
  const { databaseUrl } = message;
  if (typeof databaseUrl !== "string") {
    process.send?.({ error: "no database address was sent" });
    process.exit(2);
  }
  loadPlaces(databaseUrl).then(
    (loaded) => {
      process.send?.({ loaded }, () => process.exit(0));
    },
    (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      process.send?.({ error: text }, () => process.exit(1));
    },
  );
});
