// Offline check of the Kubernetes manifests: renders k8s/base and the overlays the way kustomize does
// (the subset they use: resources, images, JSON patches), validates every resource against the schemas
// of Kubernetes, the Prometheus Operator and Strimzi, compares the rendering with `kubectl kustomize`
// when kubectl is installed, and proves on broken copies that a wrong manifest fails.
import { readFileSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments, parse } from "yaml";
import jsonpatch from "fast-json-patch";

const K8S = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TREES = ["base", "overlays/dev", "overlays/prod"];

/** The schema module of an apiVersion: Kubernetes' own groups, then the operators' custom resources. */
const CUSTOM = {
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
  "kafka.strimzi.io/v1beta2": "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2",
};

function render(dir) {
  const k = parse(readFileSync(join(dir, "kustomization.yaml"), "utf8"));
  const docs = [];
  for (const r of k.resources ?? []) {
    const path = resolve(dir, r);
    if (statSync(path).isDirectory()) {
      docs.push(...render(path));
    } else {
      for (const d of parseAllDocuments(readFileSync(path, "utf8"))) {
        if (d.errors.length) throw new Error(`${path}: ${d.errors[0].message}`);
        if (d.contents) docs.push(d.toJS());
      }
    }
  }
  for (const p of k.patches ?? []) {
    const targets = docs.filter((d) => d.kind === p.target.kind && d.metadata?.name === p.target.name);
    if (targets.length !== 1) throw new Error(`${dir}: patch target ${p.target.kind}/${p.target.name} matches ${targets.length}`);
    jsonpatch.applyPatch(targets[0], parse(p.patch), true, true);
  }
  for (const img of k.images ?? []) {
    for (const d of docs) {
      for (const c of d.spec?.template?.spec?.containers ?? []) {
        const [name, tag] = c.image.split(":");
        if (name === img.name) c.image = `${img.newName ?? name}:${img.newTag ?? tag ?? "latest"}`;
      }
    }
  }
  return docs;
}

async function schemaError(doc) {
  const module = CUSTOM[doc.apiVersion] ?? `kubernetes-models/${doc.apiVersion}`;
  let Model;
  try {
    Model = (await import(module))[doc.kind];
  } catch {
    Model = undefined;
  }
  if (!Model) return `no schema for ${doc.apiVersion} ${doc.kind}`;
  try {
    new Model(doc).validate();
    return null;
  } catch (e) {
    return e.message;
  }
}

const key = (d) => `${d.kind}/${d.metadata?.namespace ?? ""}/${d.metadata?.name}`;
const canonical = (v) => JSON.stringify(v, (k, x) => (x && typeof x === "object" && !Array.isArray(x)
  ? Object.fromEntries(Object.keys(x).sort().map((n) => [n, x[n]])) : x));

async function check(tree) {
  const docs = render(join(K8S, tree));
  const problems = [];
  const seen = new Set();
  for (const d of docs) {
    if (!d.metadata?.name) problems.push(`${d.kind}: no metadata.name`);
    if (seen.has(key(d))) problems.push(`${key(d)}: declared twice`);
    seen.add(key(d));
    const e = await schemaError(d);
    if (e) problems.push(`${key(d)}: ${e}`);
  }
  return { docs, problems };
}

function kubectlRendering(tree) {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
  } catch {
    return null;
  }
  const out = execFileSync("kubectl", ["kustomize", join(K8S, tree)], { encoding: "utf8", maxBuffer: 64 << 20 });
  return parseAllDocuments(out).map((d) => d.toJS()).filter(Boolean);
}

let failed = false;
for (const tree of TREES) {
  const { docs, problems } = await check(tree);
  for (const p of problems) console.error(`${tree}: ${p}`);
  failed ||= problems.length > 0;
  const theirs = kubectlRendering(tree);
  let compared = "kubectl not installed, not compared";
  if (theirs) {
    const mine = new Map(docs.map((d) => [key(d), canonical(d)]));
    const differ = theirs.filter((d) => mine.get(key(d)) !== canonical(d)).map(key);
    if (differ.length || theirs.length !== docs.length) {
      console.error(`${tree}: kubectl kustomize renders differently: ${differ.join(", ") || `${theirs.length} vs ${docs.length} resources`}`);
      failed = true;
    }
    compared = "same as kubectl kustomize";
  }
  console.log(`${tree}: ${docs.length} resources, ${problems.length} problems, ${compared}`);
}

// The check itself must be able to fail: broken copies of the base are refused.
const broken = [
  ["a replica count that is not a number", (d) => d.kind === "StatefulSet" && (d.spec.replicas = "three")],
  ["a container without its name", (d) => d.kind === "StatefulSet" && delete d.spec.template.spec.containers[0].name],
  ["a topic with partitions as text", (d) => d.kind === "KafkaTopic" && (d.spec.partitions = "twelve")],
];
for (const [what, breakIt] of broken) {
  const docs = render(join(K8S, "overlays/prod"));
  let caught = false;
  for (const d of docs) {
    if (breakIt(d) !== false && (await schemaError(d))) caught = true;
  }
  console.log(`self-test, ${what}: ${caught ? "refused" : "NOT REFUSED"}`);
  failed ||= !caught;
}
process.exit(failed ? 1 : 0);
