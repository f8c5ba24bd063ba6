#!/usr/bin/env node
import { handleError, main } from "./main.js";

main(process.argv.slice(2).filter((arg) => arg !== "--debug")).then((code) => {
  process.exitCode = code;
}, handleError);
