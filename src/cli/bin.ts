#!/usr/bin/env node
import { handleError, main } from "./main.js";

// `notegraph … | head`: a closed pipe ends the output quietly, as for any Unix tool.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main(process.argv.slice(2).filter((arg) => arg !== "--debug")).then((code) => {
  process.exitCode = code;
}, handleError);
