#!/usr/bin/env python3
"""Writes the JSON schemas the deploy tests validate every manifest against (see README.md here).

Run from this directory with the three upstream checkouts named below; it only reads them.
Kubernetes: the OpenAPI v2 definitions are pruned to those the kinds we deploy reach, and made strict
(an object with properties accepts no other key: a misspelt field fails, as with kubeconform -strict).
CRDs (Strimzi, Prometheus Operator): the openAPIV3Schema of the served version, strict likewise.
"""
import json, subprocess, sys, yaml

K8S_REPO, STRIMZI_REPO, PROMOP_REPO, COMPOSE_SCHEMA = sys.argv[1:5]
K8S_COMMIT = "ceb92181015d766d7ab7f107da5a47b40d7a991f"
STRIMZI_TAG = "1.2.0"
PROMOP_COMMIT = "6adcebc5076c34f4f55f8f5f7b1e528929373ac7"

KINDS = {  # apiVersion/kind -> definition
    "v1/ConfigMap": "io.k8s.api.core.v1.ConfigMap",
    "v1/Secret": "io.k8s.api.core.v1.Secret",
    "v1/Service": "io.k8s.api.core.v1.Service",
    "v1/ServiceAccount": "io.k8s.api.core.v1.ServiceAccount",
    "v1/PersistentVolumeClaim": "io.k8s.api.core.v1.PersistentVolumeClaim",
    "apps/v1/StatefulSet": "io.k8s.api.apps.v1.StatefulSet",
    "apps/v1/Deployment": "io.k8s.api.apps.v1.Deployment",
    "batch/v1/Job": "io.k8s.api.batch.v1.Job",
    "v1/Pod": "io.k8s.api.core.v1.Pod",
    "policy/v1/PodDisruptionBudget": "io.k8s.api.policy.v1.PodDisruptionBudget",
    "networking.k8s.io/v1/NetworkPolicy": "io.k8s.api.networking.v1.NetworkPolicy",
}


def git_show(repo, rev, path):
    return subprocess.run(["git", "--git-dir", repo, "show", f"{rev}:{path}"], check=True,
                          capture_output=True, text=True).stdout


def strict(node):
    """additionalProperties: false on every object schema that lists its properties and says nothing else."""
    if isinstance(node, dict):
        if ("properties" in node and "additionalProperties" not in node
                and not node.get("x-kubernetes-preserve-unknown-fields")):
            node["additionalProperties"] = False
        for v in node.values():
            strict(v)
    elif isinstance(node, list):
        for v in node:
            strict(v)
    return node


def refs(node, found):
    if isinstance(node, dict):
        if "$ref" in node:
            found.add(node["$ref"].split("/")[-1])
        for v in node.values():
            refs(v, found)
    elif isinstance(node, list):
        for v in node:
            refs(v, found)


def write(path, schema):
    with open(path, "w", encoding="utf-8") as out:
        json.dump(schema, out, indent=1, sort_keys=True)
        out.write("\n")


def kubernetes():
    spec = json.loads(git_show(K8S_REPO, K8S_COMMIT, "kubernetes-model-generator/openapi/schemas/kubernetes-1.33.0.json"))
    defs = spec["definitions"]
    # YAML writes these as numbers or strings: the API server accepts both
    defs["io.k8s.apimachinery.pkg.util.intstr.IntOrString"] = {"type": ["string", "integer"]}
    defs["io.k8s.apimachinery.pkg.api.resource.Quantity"] = {"type": ["string", "number"]}
    keep, todo = set(), list(KINDS.values())
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        keep.add(name)
        found = set()
        refs(defs[name], found)
        todo.extend(found - keep)
    pruned = {n: strict(defs[n]) for n in sorted(keep)}
    for n in ("io.k8s.apimachinery.pkg.util.intstr.IntOrString", "io.k8s.apimachinery.pkg.api.resource.Quantity"):
        pruned[n] = defs[n]
    write("kubernetes/kubernetes-1.33.json", {
        "$comment": f"Kubernetes 1.33.0 OpenAPI v2 definitions (fabric8io/kubernetes-client {K8S_COMMIT},"
                    " kubernetes-model-generator/openapi/schemas/kubernetes-1.33.0.json), pruned and strict",
        "x-kinds": KINDS, "definitions": pruned})
    kz = json.loads(git_show(K8S_REPO, K8S_COMMIT, "kubernetes-model-generator/openapi/schemas/kustomize.json"))
    kdefs = json.loads(json.dumps(kz["components"]["schemas"]).replace("#/components/schemas/", "#/definitions/"))
    write("kubernetes/kustomization.json", {
        "$comment": f"Kustomize types (fabric8io/kubernetes-client {K8S_COMMIT}, kustomize.json)",
        "$ref": "#/definitions/io.k8s.sigs.kustomize.api.types.Kustomization", "definitions": kdefs})


class CrdLoader(yaml.SafeLoader):
    """PyYAML reads a bare '=' (a label-matcher operator in the Prometheus CRDs) as its 'value' tag: not here."""


CrdLoader.yaml_implicit_resolvers = {k: [r for r in v if r[0] != "tag:yaml.org,2002:value"]
                                     for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def crd(repo, rev, path, version, target):
    doc = yaml.load(git_show(repo, rev, path), Loader=CrdLoader)
    served = next(v for v in doc["spec"]["versions"] if v["name"] == version)
    schema = strict(served["schema"]["openAPIV3Schema"])
    schema["$comment"] = f"{doc['spec']['names']['kind']} {doc['spec']['group']}/{version}, from {path} at {rev}"
    write(target, schema)


if __name__ == "__main__":
    kubernetes()
    for kind, file in (("kafka", "040-Crd-kafka.yaml"), ("kafkatopic", "043-Crd-kafkatopic.yaml"),
                       ("kafkauser", "044-Crd-kafkauser.yaml"), ("kafkanodepool", "045-Crd-kafkanodepool.yaml")):
        crd(STRIMZI_REPO, STRIMZI_TAG, "packaging/install/cluster-operator/" + file, "v1", f"strimzi/{kind}-v1.json")
    for kind, version in (("podmonitors", "v1"), ("prometheusrules", "v1"), ("alertmanagerconfigs", "v1alpha1")):
        crd(PROMOP_REPO, PROMOP_COMMIT, f"example/prometheus-operator-crd/monitoring.coreos.com_{kind}.yaml", version,
            f"prometheus-operator/{kind}-{version}.json")
    with open(COMPOSE_SCHEMA, encoding="utf-8") as f:
        write("compose/compose-spec.json", json.load(f))
