// stderr belongs to the Prisma CLI: it parses every line as a JSON log record
// (`{ level, fields: { message }, target }`) and uses ERROR records as the failure
// reason, so nothing else may be written there.

const TARGET = "schema_engine_wasm_bridge";

/**
 * @param {"ERROR" | "WARN" | "INFO" | "DEBUG"} level
 * @param {string} message
 * @param {Record<string, unknown>} [fields]
 */
export function log(level, message, fields = {}) {
  writeRecord({ timestamp: new Date().toISOString(), level, fields: { message, ...fields }, target: TARGET });
}

/** @param {Record<string, unknown>} record */
export function writeRecord(record) {
  process.stderr.write(JSON.stringify(record) + "\n");
}

/**
 * The wasm engine hands over records already serialised in the CLI's format.
 * @param {unknown} line
 */
export function forwardEngineLog(line) {
  const text = String(line).trim();
  if (!text) return;
  try {
    JSON.parse(text);
    process.stderr.write(text + "\n");
  } catch {
    log("INFO", text);
  }
}

// Node's own warnings (deprecations, TLS notices from the pg driver, ...) would print
// plain text on stderr and break the CLI's parsing.
export function captureProcessWarnings() {
  process.removeAllListeners("warning");
  process.on("warning", (warning) => log("WARN", `${warning.name}: ${warning.message}`));
}
