// @neo4j/graphql over the customer graph, served by graphql-yoga: the NGQL contender of the
// benchmark. One process, one driver, POST /graphql on 127.0.0.1:$BENCH_PORT, no auth, no
// GraphiQL, no request logging.
//
// Environment: BENCH_NEO4J_URI, BENCH_NEO4J_USER, BENCH_NEO4J_PASSWORD, BENCH_PORT; optional
// BENCH_CAPTURE=<file>: append one JSON line {"query", "params"} per Cypher statement sent to
// Neo4j while serving requests (statements of the start-up warm-up are not written).

import { appendFileSync, readFileSync } from "node:fs";
import { createServer } from "node:http";

// graphql-js picks its production code paths when it is loaded: set the mode first, then load.
process.env.NODE_ENV ||= "production";
const { Neo4jGraphQL } = await import("@neo4j/graphql");
const { createYoga } = await import("graphql-yoga");
const { default: neo4j } = await import("neo4j-driver");

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} must be set`);
    process.exit(2);
  }
  return value;
}

const uri = required("BENCH_NEO4J_URI");
const user = process.env.BENCH_NEO4J_USER || "neo4j";
const password = required("BENCH_NEO4J_PASSWORD");
const port = Number(required("BENCH_PORT"));
const captureFile = process.env.BENCH_CAPTURE || "";

// --- statement capture ------------------------------------------------------------------------

let capturing = false;

/** A parameter value as plain JSON: integers as numbers, temporal values tagged. */
function plain(value) {
  if (value === null || value === undefined) return value ?? null;
  if (neo4j.isInt(value)) {
    return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
  }
  if (typeof value === "bigint") return Number(value);
  if (neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) {
    return { $datetime: value.toString() };
  }
  if (neo4j.isDate(value)) return { $date: value.toString() };
  if (neo4j.isTime(value) || neo4j.isLocalTime(value)) return { $time: value.toString() };
  if (neo4j.isDuration(value)) return { $duration: value.toString() };
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

function capture(query, parameters) {
  if (!capturing) return;
  const text = typeof query === "string" ? query : query?.text;
  const params = typeof query === "string" ? parameters : (query?.parameters ?? parameters);
  appendFileSync(captureFile, JSON.stringify({ query: text, params: plain(params ?? {}) }) + "\n");
}

if (captureFile) {
  // Every statement passes through one of these two: explicit and managed transactions
  // (session.executeRead/executeWrite hand out a ManagedTransaction bound to Transaction.run)
  // and auto-commit session.run.
  for (const cls of [neo4j.Transaction, neo4j.Session]) {
    const run = cls.prototype.run;
    cls.prototype.run = function capturedRun(query, parameters, ...rest) {
      capture(query, parameters);
      return run.call(this, query, parameters, ...rest);
    };
  }
}

// --- schema and server ------------------------------------------------------------------------

const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
await driver.verifyConnectivity();

const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();

const yoga = createYoga({
  schema,
  graphqlEndpoint: "/graphql",
  graphiql: false,
  landingPage: false,
  logging: false,
  maskedErrors: true,
  healthCheckEndpoint: "/healthz",
});

// The first request makes the library read the server version (CALL dbms.components()); do it
// once here so that measured requests only run their own statements.
const warmUp = await yoga.fetch("http://localhost/graphql", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ query: "{ customers(limit: 1) { id } }" }),
});
const warmUpBody = await warmUp.json();
if (warmUpBody.errors) {
  console.error("warm-up query failed:", JSON.stringify(warmUpBody.errors));
  process.exit(1);
}
capturing = Boolean(captureFile);

const server = createServer(yoga);
server.keepAliveTimeout = 65_000;

async function shutdown() {
  server.close();
  server.closeAllConnections();
  await Promise.race([driver.close(), new Promise((resolve) => setTimeout(resolve, 2000))]);
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

server.listen(port, "127.0.0.1", () => {
  console.log(`ready: NGQL on http://127.0.0.1:${port}/graphql`);
});
