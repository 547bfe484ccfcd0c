import "../catalogues.js";
import { loadConfigOrExit } from "../config.js";
import { emailAddress } from "../features/accounts/inputs.js";
import { makeAdministrator } from "../features/accounts/writes.js";
import { connectDatabase, migrateDatabase } from "../infra/db/database.js";
import { openDatabaseForTool } from "../infra/db/open-for-tools.js";

const usage = "Usage: npm run admin -- create <email address>";

async function main(args: string[]) {
  const [command, address] = args;
  if (command !== "create" || !address) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const email = emailAddress.safeParse(address);
  if (!email.success) {
    process.stderr.write(`"${address}" is not an e-mail address. ${usage}\n`);
    return 2;
  }
  const config = loadConfigOrExit();
  const database = await openDatabaseForTool(config);
  try {
    await migrateDatabase(database.url);
    const handle = connectDatabase(database.url, { max: 1 });
    try {
      await makeAdministrator(handle.db, email.data, new Date());
    } finally {
      await handle.close();
    }
  } finally {
    await database.close();
  }
  process.stdout.write(
    `${email.data} is now an administrator.\n` +
      `They sign in at ${new URL("/sign-in", config.publicUrl)} with that address, ` +
      "then add a passkey on their account page: administrator tools need a passkey sign-in.\n",
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(
      `The administrator could not be created: ${error instanceof Error ? error.message : error}\n`,
    );
    process.exit(1);
  },
);
