// Capturing the statements the app's own functions send, so a raw-SQL replay sends exactly them.

/**
 * Runs `work` and returns its result with every statement it sent through `pool`, in order, with
 * its parameters. Prepared statements keep their names, so a replay is planned once per
 * connection exactly as the app's statements are.
 */
export async function captureStatements(pool, work) {
  const statements = [];
  const realQuery = pool.query;
  pool.query = function (config, values) {
    statements.push(
      typeof config === "string"
        ? { text: config, values: values ?? [] }
        : { ...config, values: values ?? config.values ?? [] },
    );
    return realQuery.call(this, config, values);
  };
  try {
    return { result: await work(), statements };
  } finally {
    pool.query = realQuery;
  }
}
