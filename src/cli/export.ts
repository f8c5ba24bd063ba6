import { topicClusters } from "../analyze/topicClusters.js";
import { writeExportFile } from "../emit/exportFile.js";
import { CSV_EDGE_HEADER, CSV_NODE_HEADER, exportRows, toCsv, toGexf, toGraphml, toGraphologyJson } from "../emit/graphExports.js";
import { buildGraph } from "../graph/buildGraph.js";
import { layoutPositions } from "../layout/layoutGraph.js";
import { oneOf, parseVaultArgs, UsageError, vaultFolderArg, vaultOptionsHelp } from "./args.js";
import { loadVaultWithFlags } from "./load.js";

export const exportHelp = `Usage: notegraph export [vault] --format <fmt> [--out FILE]

Exports the vault's graph, laid out and coloured by topic cluster.

Formats:
  json      graphology's serialization (graph.export())
  gexf      GEXF 1.2 for Gephi, with positions, sizes and colours
  graphml   GraphML
  csv       two tables: FILE (nodes) and FILE with .edges.csv (edges); needs --out

Options:
  --format <fmt>   json, gexf, graphml or csv (required)
  --out <file>     write here instead of standard output; an existing file is replaced
                   only if notegraph wrote it, and never inside the vault
${vaultOptionsHelp(19)}
`;

export async function runExport(args: string[]): Promise<number> {
  const parsed = parseVaultArgs("export", args, {
    format: { type: "string" },
    out: { type: "string" },
  });
  const vaultArgument = vaultFolderArg("export", exportHelp, parsed);
  if (vaultArgument === null) return 0;
  const { values } = parsed;
  if (values.format === undefined) throw new UsageError("export needs --format json, gexf, graphml or csv");
  const format = oneOf("--format", values.format, ["json", "gexf", "graphml", "csv"] as const, "json");
  if (format === "csv" && values.out === undefined) throw new UsageError("--format csv writes two files: give --out nodes.csv");
  const vault = await loadVaultWithFlags(vaultArgument, values);
  const graph = buildGraph(vault);
  const topics = topicClusters(graph);
  const rows = exportRows(graph, layoutPositions(graph, { clusters: topics.membership }), topics);
  if (format === "csv") {
    const out = values.out ?? "nodes.csv";
    const tables = toCsv(rows);
    const edgesOut = out.replace(/(\.nodes)?\.csv$/i, "") + ".edges.csv";
    await writeExportFile(out, vault.root, tables.nodes, CSV_NODE_HEADER);
    await writeExportFile(edgesOut, vault.root, tables.edges, CSV_EDGE_HEADER);
    process.stderr.write(`Wrote ${out} (${rows.nodes.length} nodes) and ${edgesOut} (${rows.edges.length} edges)\n`);
    return 0;
  }
  const content = format === "json" ? toGraphologyJson(rows) : format === "gexf" ? toGexf(rows) : toGraphml(rows);
  if (values.out === undefined) process.stdout.write(content);
  else {
    await writeExportFile(values.out, vault.root, content);
    process.stderr.write(`Wrote ${values.out} (${rows.nodes.length} nodes, ${rows.edges.length} edges)\n`);
  }
  return 0;
}
