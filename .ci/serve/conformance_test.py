"""Conformance of `panya serve` to Rekognition's service model, as botocore installs it.

Reads botocore's rekognition service-2.json at test time; finds which operations panya implements
(an operation it lacks answers UnknownOperationException); makes valid calls with boto3 and walks
every raw JSON answer against the operation's output shape (types, required members, enums, no
unknown members); makes invalid calls whose error codes must be in the operation's error list;
fetches presigned S3 URLs (generate_presigned_url) with urllib; checks that a request signed for
another region is refused; and runs the dataset workflow (empty datasets, UpdateDatasetEntries,
DistributeDatasetEntries) with the training and running waiters.

Usage: conformance_test.py ENDPOINT ACCESS_KEY_ID SECRET PHOTOS_FOLDER (a server with --auth and
--clock real). Prints one line per check, then the counts; exits 1 on a failure."""
import base64
import json
import os
import sys
import time
import urllib.error
import urllib.request

import boto3
import botocore.config
import botocore.exceptions
import botocore.loaders

endpoint, key_id, secret, photos_folder = sys.argv[1:5]
region = "ap-northeast-1"
model = botocore.loaders.Loader().load_service_model("rekognition", "service-2")
shapes, operations = model["shapes"], model["operations"]
config = botocore.config.Config(retries={"total_max_attempts": 1, "mode": "standard"}, connect_timeout=5, read_timeout=120)
session = boto3.session.Session(aws_access_key_id=key_id, aws_secret_access_key=secret, region_name=region)
rek = session.client("rekognition", endpoint_url=endpoint, config=config)
# Presigned URLs in SigV4's query form (botocore presigns S3 with SigV2 for a custom endpoint unless told).
s3 = session.client("s3", endpoint_url=endpoint, config=config.merge(botocore.config.Config(signature_version="s3v4")))
results = {"passed": 0, "failed": 0}
conforming = {}  # operation -> False once any of its answers did not conform


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"), flush=True)
    return condition


def problems(value, shape_name, path):
    """What in `value` (raw JSON) does not fit the shape `shape_name`."""
    shape = shapes[shape_name]
    kind = shape["type"]
    if kind == "structure":
        if not isinstance(value, dict):
            return [f"{path}: expected an object"]
        found = [f"{path}.{key}: not a member of {shape_name}" for key in value if key not in shape["members"]]
        found += [f"{path}.{key}: required member missing" for key in shape.get("required", []) if key not in value]
        for key, member in shape["members"].items():
            if key in value and value[key] is not None:
                found += problems(value[key], member["shape"], f"{path}.{key}")
        return found
    if kind == "list":
        if not isinstance(value, list):
            return [f"{path}: expected a list"]
        return [p for index, item in enumerate(value) for p in problems(item, shape["member"]["shape"], f"{path}[{index}]")]
    if kind == "map":
        if not isinstance(value, dict):
            return [f"{path}: expected a map"]
        return [p for key, item in value.items() for p in problems(key, shape["key"]["shape"], f"{path}<key>")
                + problems(item, shape["value"]["shape"], f"{path}.{key}")]
    if kind == "string":
        if not isinstance(value, str):
            return [f"{path}: expected a string, got {type(value).__name__}"]
        if "enum" in shape and value not in shape["enum"]:
            return [f"{path}: {value!r} is not one of {shape_name}'s values"]
        return []
    if kind in ("integer", "long"):
        return [] if isinstance(value, int) and not isinstance(value, bool) else [f"{path}: expected an integer"]
    if kind in ("float", "double"):
        return [] if isinstance(value, (int, float)) and not isinstance(value, bool) else [f"{path}: expected a number"]
    if kind == "boolean":
        return [] if isinstance(value, bool) else [f"{path}: expected a boolean"]
    if kind == "timestamp":
        return [] if isinstance(value, (int, float)) and not isinstance(value, bool) else [f"{path}: expected epoch seconds"]
    if kind == "blob":
        return [] if isinstance(value, str) else [f"{path}: expected base64 text"]
    return [f"{path}: unknown shape type {kind}"]


def conform_hook(http_response, model, **_):
    """Walks each successful raw answer against its operation's output shape."""
    if http_response.status_code != 200:
        return
    name = model.name
    output = model.output_shape
    body = json.loads(http_response.content or b"{}")
    found = problems(body, output.name, name) if output is not None else ([] if body == {} else [f"{name}: expected an empty answer"])
    if found:
        conforming[name] = False
        check(f"{name}: the answer fits its output shape", False, "; ".join(found[:5]))
    else:
        conforming.setdefault(name, True)


rek.meta.events.register("after-call.rekognition", conform_hook)


def call(operation, **params):
    """A valid call; a ClientError fails the check and returns None."""
    try:
        return getattr(rek, operation)(**params)
    except botocore.exceptions.ClientError as error:
        check(f"{operation} succeeds", False, error.response["Error"])
        return None


def error_of(operation, params):
    """The error code of a call made without botocore's own parameter checks (None when it succeeds)."""
    try:
        rek_unchecked._make_api_call(operation, params)
    except botocore.exceptions.ClientError as error:
        return error.response["Error"]["Code"]
    return None


rek_unchecked = session.client("rekognition", endpoint_url=endpoint,
                               config=config.merge(botocore.config.Config(parameter_validation=False)))

# Which operations panya implements.
implemented = [name for name in sorted(operations) if error_of(name, {}) != "UnknownOperationException"]
check("at least the 23 operations of panya serve are implemented", len(implemented) >= 23, implemented)

# The workflow: photos and manifests in a bucket, empty datasets filled with UpdateDatasetEntries.
lesson = json.load(open(os.path.join(photos_folder, "manifest.json"), encoding="utf-8"))
labels = sorted({b["Name"] for p in lesson["Photos"] if p["Role"] in ("train", "test") for b in p["Breads"]})
s3.create_bucket(Bucket="conformance-bkt", CreateBucketConfiguration={"LocationConstraint": region})


def manifest_lines(role):
    lines = []
    for p in (p for p in lesson["Photos"] if p["Role"] == role):
        s3.put_object(Bucket="conformance-bkt", Key=p["File"], Body=open(os.path.join(photos_folder, p["File"]), "rb").read())
        w, h = p["Width"], p["Height"]
        boxes = [{"class_id": labels.index(b["Name"]), "top": round(b["BoundingBox"]["Top"] * h), "left": round(b["BoundingBox"]["Left"] * w),
                  "width": round(b["BoundingBox"]["Width"] * w), "height": round(b["BoundingBox"]["Height"] * h)} for b in p["Breads"]]
        lines.append(json.dumps({"source-ref": f"s3://conformance-bkt/{p['File']}",
                                 "bounding-box": {"image_size": [{"width": w, "height": h, "depth": 3}], "annotations": boxes},
                                 "bounding-box-metadata": {"objects": [{"confidence": 1} for _ in boxes],
                                                           "class-map": {str(b["class_id"]): labels[b["class_id"]] for b in boxes},
                                                           "type": "groundtruth/object-detection", "human-annotated": "yes",
                                                           "creation-date": "2026-04-01T00:00:00", "job-name": "conformance"}},
                                ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode("utf-8")


project = call("create_project", ProjectName="conformance")["ProjectArn"]
train = call("create_dataset", ProjectArn=project, DatasetType="TRAIN")["DatasetArn"]
test = call("create_dataset", ProjectArn=project, DatasetType="TEST")["DatasetArn"]
call("update_dataset_entries", DatasetArn=train, Changes={"GroundTruth": manifest_lines("train") + manifest_lines("test")})
entry_count = sum(1 for p in lesson["Photos"] if p["Role"] in ("train", "test"))
described = call("describe_dataset", DatasetArn=train)
check("describe_dataset counts the entries", described and described["DatasetDescription"]["DatasetStats"]["TotalEntries"] == entry_count, described)
entries = call("list_dataset_entries", DatasetArn=train, MaxResults=10)
check("list_dataset_entries pages", entries and len(entries["DatasetEntries"]) == 10 and "NextToken" in entries, entries and len(entries["DatasetEntries"]))
rest = call("list_dataset_entries", DatasetArn=train, MaxResults=100, NextToken=entries["NextToken"]) if entries else None
check("list_dataset_entries: the next page", rest and len(rest["DatasetEntries"]) == entry_count - 10, rest and len(rest["DatasetEntries"]))
paginated = [e for page in rek.get_paginator("list_dataset_entries").paginate(DatasetArn=train, PaginationConfig={"PageSize": 7})
             for e in page["DatasetEntries"]]
check("boto3's paginator walks every entry", len(paginated) == entry_count, len(paginated))
call("list_dataset_labels", DatasetArn=train)
call("distribute_dataset_entries", Datasets=[{"Arn": train}, {"Arn": test}])
moved = call("describe_dataset", DatasetArn=test)
check("distribute_dataset_entries moves a fifth to the test dataset",
      moved and moved["DatasetDescription"]["DatasetStats"]["TotalEntries"] == entry_count // 5, moved)
call("describe_projects", MaxResults=1)
call("describe_projects", ProjectNames=["conformance"])
version = call("create_project_version", ProjectArn=project, VersionName="v1",
               OutputConfig={"S3Bucket": "conformance-bkt", "S3KeyPrefix": "out/"}, Tags={"lesson": "conformance"})["ProjectVersionArn"]
rek.get_waiter("project_version_training_completed").wait(ProjectArn=project, VersionNames=["v1"], WaiterConfig={"Delay": 1, "MaxAttempts": 90})
described = call("describe_project_versions", ProjectArn=project, VersionNames=["v1"])
check("the trained version is TRAINING_COMPLETED", described and described["ProjectVersionDescriptions"][0]["Status"] == "TRAINING_COMPLETED", described)
copy_project = call("create_project", ProjectName="conformance-copy")["ProjectArn"]
copy = call("copy_project_version", SourceProjectArn=project, SourceProjectVersionArn=version, DestinationProjectArn=copy_project,
            VersionName="v1-copy", OutputConfig={"S3Bucket": "conformance-bkt", "S3KeyPrefix": "copy/"})
revision = call("put_project_policy", ProjectArn=project, PolicyName="share",
                PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": []}))["PolicyRevisionId"]
call("list_project_policies", ProjectArn=project)
call("delete_project_policy", ProjectArn=project, PolicyName="share", PolicyRevisionId=revision)
call("tag_resource", ResourceArn=project, Tags={"class": "2-A"})
tags = call("list_tags_for_resource", ResourceArn=project)
check("list_tags_for_resource", tags and tags["Tags"] == {"class": "2-A"}, tags)
call("untag_resource", ResourceArn=project, TagKeys=["class"])
call("start_project_version", ProjectVersionArn=version, MinInferenceUnits=1)
rek.get_waiter("project_version_running").wait(ProjectArn=project, VersionNames=["v1"], WaiterConfig={"Delay": 1, "MaxAttempts": 30})
photo = open(os.path.join(photos_folder, "breads3.jpg"), "rb").read()
call("detect_custom_labels", ProjectVersionArn=version, Image={"Bytes": photo}, MinConfidence=0)
call("stop_project_version", ProjectVersionArn=version)
deadline = time.monotonic() + 15
while time.monotonic() < deadline and rek.describe_project_versions(ProjectArn=project, VersionNames=["v1"])["ProjectVersionDescriptions"][0]["Status"] != "STOPPED":
    time.sleep(0.5)
call("delete_project_version", ProjectVersionArn=version)
if copy:
    call("delete_project_version", ProjectVersionArn=copy["ProjectVersionArn"])
call("delete_dataset", DatasetArn=test)
call("delete_project", ProjectArn=copy_project)

# Invalid calls: well-formed but naming nothing (or a wrong token, a stopped model); the code must be one the model lists.
arn_base = f"arn:aws:rekognition:{region}:123456789012:project/nothing-here"
missing_project, missing_version = f"{arn_base}/1", f"{arn_base}/version/v/1"
missing_dataset = f"{arn_base}/dataset/train/1"
invalid_calls = {
    "CopyProjectVersion": {"SourceProjectArn": missing_project, "SourceProjectVersionArn": missing_version, "DestinationProjectArn": missing_project,
                           "VersionName": "v", "OutputConfig": {"S3Bucket": "conformance-bkt", "S3KeyPrefix": "x"}},
    "CreateDataset": {"ProjectArn": missing_project, "DatasetType": "TRAIN"},
    "CreateProject": {"ProjectName": "conformance"},
    "CreateProjectVersion": {"ProjectArn": missing_project, "VersionName": "v", "OutputConfig": {"S3Bucket": "conformance-bkt", "S3KeyPrefix": "x"}},
    "DeleteDataset": {"DatasetArn": missing_dataset},
    "DeleteProject": {"ProjectArn": missing_project},
    "DeleteProjectPolicy": {"ProjectArn": missing_project, "PolicyName": "p"},
    "DeleteProjectVersion": {"ProjectVersionArn": missing_version},
    "DescribeDataset": {"DatasetArn": missing_dataset},
    "DescribeProjectVersions": {"ProjectArn": missing_project},
    "DescribeProjects": {"NextToken": "not-a-token"},
    "DetectCustomLabels": {"ProjectVersionArn": version, "Image": {"Bytes": base64.b64encode(photo).decode()}},
    "DistributeDatasetEntries": {"Datasets": [{"Arn": missing_dataset}, {"Arn": missing_dataset.replace("/train/", "/test/")}]},
    "ListDatasetEntries": {"DatasetArn": missing_dataset},
    "ListDatasetLabels": {"DatasetArn": missing_dataset},
    "ListProjectPolicies": {"ProjectArn": missing_project},
    "ListTagsForResource": {"ResourceArn": missing_project},
    "PutProjectPolicy": {"ProjectArn": missing_project, "PolicyName": "p", "PolicyDocument": "{}"},
    "StartProjectVersion": {"ProjectVersionArn": missing_version, "MinInferenceUnits": 1},
    "StopProjectVersion": {"ProjectVersionArn": missing_version},
    "TagResource": {"ResourceArn": missing_project, "Tags": {"a": "b"}},
    "UntagResource": {"ResourceArn": missing_project, "TagKeys": ["a"]},
    "UpdateDatasetEntries": {"DatasetArn": missing_dataset, "Changes": {"GroundTruth": base64.b64encode(b"{}").decode()}},
}
for name in implemented:
    params = invalid_calls.get(name)
    if not check(f"{name}: an invalid call is known", params is not None):
        conforming[name] = False
        continue
    code = error_of(name, params)
    allowed = [error["shape"] for error in operations[name].get("errors", [])]
    if not check(f"{name}: invalid call → {code}, in the model's error list", code in allowed, f"{code} not in {allowed}"):
        conforming[name] = False

# Presigned S3 URLs fetched with a plain HTTP client.
body = b"presigned bytes \xe3\x83\x91\xe3\x83\xb3"
put_url = s3.generate_presigned_url("put_object", Params={"Bucket": "conformance-bkt", "Key": "presigned/パン.bin"}, ExpiresIn=300)
try:
    with urllib.request.urlopen(urllib.request.Request(put_url, data=body, method="PUT"), timeout=10) as answer:
        check("presigned PUT with urllib", answer.status == 200, answer.status)
except urllib.error.HTTPError as error:
    check("presigned PUT with urllib", False, f"{error.code} {error.read()[:300]!r}")
get_url = s3.generate_presigned_url("get_object", Params={"Bucket": "conformance-bkt", "Key": "presigned/パン.bin"}, ExpiresIn=300)
try:
    with urllib.request.urlopen(get_url, timeout=10) as answer:
        check("presigned GET with urllib gives the bytes", answer.read() == body)
except urllib.error.HTTPError as error:
    check("presigned GET with urllib", False, f"{error.code} {error.read()[:300]!r}")
short_url = s3.generate_presigned_url("get_object", Params={"Bucket": "conformance-bkt", "Key": "presigned/パン.bin"}, ExpiresIn=1)
time.sleep(2.2)
try:
    urllib.request.urlopen(short_url, timeout=10)
    check("an expired presigned URL is refused", False, "it was accepted")
except urllib.error.HTTPError as error:
    check("an expired presigned URL is refused (403 AccessDenied)", error.code == 403 and b"AccessDenied" in error.read(), error.code)

# A request signed for another region is refused, as each service says.
elsewhere = boto3.session.Session(aws_access_key_id=key_id, aws_secret_access_key=secret, region_name="us-west-2")
try:
    elsewhere.client("rekognition", endpoint_url=endpoint, config=config).describe_projects()
    check("rekognition signed for us-west-2 is refused", False, "it was accepted")
except botocore.exceptions.ClientError as error:
    check("rekognition signed for us-west-2 → InvalidSignatureException", error.response["Error"]["Code"] == "InvalidSignatureException", error.response["Error"])
try:
    elsewhere.client("s3", endpoint_url=endpoint, config=config).list_objects_v2(Bucket="conformance-bkt")
    check("s3 signed for us-west-2 is refused", False, "it was accepted")
except botocore.exceptions.ClientError as error:
    check("s3 signed for us-west-2 → AuthorizationHeaderMalformed", error.response["Error"]["Code"] == "AuthorizationHeaderMalformed", error.response["Error"])

# Request ids on answers and errors.
answer = rek.describe_projects()
check("x-amzn-RequestId on an answer", bool(answer["ResponseMetadata"].get("RequestId")), answer["ResponseMetadata"])
try:
    rek.describe_project_versions(ProjectArn=missing_project)
except botocore.exceptions.ClientError as error:
    check("x-amzn-RequestId on an error", bool(error.response["ResponseMetadata"].get("RequestId")), error.response["ResponseMetadata"])
head = s3.head_bucket(Bucket="conformance-bkt")["ResponseMetadata"]
check("x-amz-request-id and x-amz-id-2 on S3 answers", bool(head.get("RequestId")) and bool(head.get("HostId")), head)

for name in implemented:
    if name not in conforming:
        check(f"{name}: called with a valid request", False, "no valid call made")
        conforming[name] = False
good = sorted(name for name in implemented if conforming.get(name))
print(f"operations: {len(operations)} in the model, {len(implemented)} implemented, {len(good)} conforming")
print(f"conformance: {results['passed']} passed, {results['failed']} failed")
sys.exit(1 if results["failed"] else 0)
