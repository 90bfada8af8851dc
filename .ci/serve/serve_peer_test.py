"""boto3 against `panya serve`: the lifecycle with the waiter, the seed's detections, errors as
botocore exceptions with the service's codes, the 4 MB image limit, a 100 MB body refused early,
keys that would leave the bucket, and a model built from the lesson's photos (put_object, create_project,
create_dataset, create_project_version with the training waiter, start, detect, stop, delete). Usage: serve_peer_test.py ENDPOINT VERSION_ARN PHOTO.
Prints one line per check and 'N passed, N failed' last; exits 1 on a failure."""
import http.client
import json
import os
import socket
import sys
import time
import urllib.parse

import boto3
import botocore.config
import botocore.exceptions

endpoint, arn, photo_path = sys.argv[1], sys.argv[2], sys.argv[3]
project_arn = arn.split("/version/")[0] + "/1690848000000"
config = botocore.config.Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=30)
session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name="ap-northeast-1")
rek = session.client("rekognition", endpoint_url=endpoint, config=config)
s3 = session.client("s3", endpoint_url=endpoint, config=config)
photo = open(photo_path, "rb").read()
results = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"), flush=True)


def error_code(call):
    try:
        call()
    except botocore.exceptions.ClientError as error:
        return error.response["Error"]["Code"], error.response["ResponseMetadata"]["HTTPStatusCode"]
    return None, None


def raw_post(target, body, headers=None):
    url = urllib.parse.urlparse(endpoint)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    all_headers = {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target}
    all_headers.update(headers or {})
    connection.request("POST", "/", body=body, headers=all_headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, json.loads(data) if data else {}


# Lifecycle: start → STARTING → the waiter sees RUNNING (the server's clock runs 60x).
status = rek.start_project_version(ProjectVersionArn=arn, MinInferenceUnits=1)["Status"]
check("StartProjectVersion → STARTING", status == "STARTING", status)
code, _ = error_code(lambda: rek.start_project_version(ProjectVersionArn=arn, MinInferenceUnits=1))
check("starting twice → ResourceInUseException", code == "ResourceInUseException", code)
started = time.monotonic()
rek.get_waiter("project_version_running").wait(ProjectArn=project_arn, VersionNames=[arn.split("/")[-2]],
                                               WaiterConfig={"Delay": 1, "MaxAttempts": 30})
check("waiter project_version_running", True)
check("STARTING took about 5 s (5 simulated minutes)", 2 <= time.monotonic() - started <= 15, time.monotonic() - started)
versions = rek.describe_project_versions(ProjectArn=project_arn)["ProjectVersionDescriptions"]
check("DescribeProjectVersions: RUNNING, 1 unit", versions[0]["Status"] == "RUNNING" and versions[0]["MinInferenceUnits"] == 1, versions)
projects = rek.describe_projects()["ProjectDescriptions"]
check("DescribeProjects", any(p["ProjectArn"] == project_arn for p in projects), projects)

# The seed's three calls.
def names(**kwargs):
    return [label["Name"] for label in rek.detect_custom_labels(ProjectVersionArn=arn, **kwargs)["CustomLabels"]]

s3_image = {"S3Object": {"Bucket": "chekimagebkt", "Name": "check/breads3.jpg"}}
check("no MinConfidence → メロンパン", names(Image=s3_image) == ["メロンパン"])
check("MinConfidence 80 → two", names(Image=s3_image, MinConfidence=80) == ["焼きそばパン", "メロンパン"])
check("MinConfidence 75 → three", names(Image={"Bytes": photo}, MinConfidence=75) == ["焼きそばパン", "メロンパン", "あんぱん"])
check("MaxResults 1", names(Image={"Bytes": photo}, MinConfidence=75, MaxResults=1) == ["焼きそばパン"])
first = rek.detect_custom_labels(ProjectVersionArn=arn, Image={"Bytes": photo}, MinConfidence=75)["CustomLabels"][0]
check("confidence and box as recorded", first["Confidence"] == 90.44999694824219
      and first["Geometry"]["BoundingBox"] == {"Width": 0.41152000427246094, "Height": 0.34727999567985535,
                                               "Left": 0.23639999330043793, "Top": 0.08641000092029572}, first)

# Errors as botocore exceptions with the service's codes.
missing = arn.replace("1690851600000", "1690851600001")
code, status = error_code(lambda: rek.detect_custom_labels(ProjectVersionArn=missing, Image={"Bytes": photo}))
check("unknown version → ResourceNotFoundException 400", (code, status) == ("ResourceNotFoundException", 400), (code, status))
code, _ = error_code(lambda: rek.detect_custom_labels(ProjectVersionArn=arn, Image=s3_image, MinConfidence=101))
check("MinConfidence 101 → InvalidParameterException", code == "InvalidParameterException", code)
code, _ = error_code(lambda: rek.detect_custom_labels(ProjectVersionArn=arn, Image={"S3Object": {"Bucket": "chekimagebkt", "Name": "nope.jpg"}}))
check("missing S3 object → InvalidS3ObjectException", code == "InvalidS3ObjectException", code)
code, _ = error_code(lambda: rek.detect_custom_labels(ProjectVersionArn=arn, Image={"Bytes": b"not a photo at all"}))
check("not a photo → InvalidImageFormatException", code == "InvalidImageFormatException", code)
code, status = error_code(lambda: rek.detect_custom_labels(ProjectVersionArn=arn, Image={"Bytes": photo + b"\0" * (5 * 1024 * 1024)}))
check("5 MB image → ImageTooLargeException", code == "ImageTooLargeException", (code, status))
status, body = raw_post("RekognitionService.DetectCustomLabels", b'{"ProjectVersionArn": ')
check("malformed JSON → SerializationException", (status, body.get("__type")) == (400, "SerializationException"), (status, body))
status, body = raw_post("RekognitionService.DetectCustomLabels", json.dumps({"ProjectVersionArn": arn}).encode())
check("missing Image → ValidationException", (status, body.get("__type")) == (400, "ValidationException"), (status, body))
status, body = raw_post("RekognitionService.DetectText", b"{}")
check("unknown target → UnknownOperationException", (status, body.get("__type")) == (400, "UnknownOperationException"), (status, body))

# A 100 MB body is refused with 413 before it is sent whole.
url = urllib.parse.urlparse(endpoint)
sock = socket.create_connection((url.hostname, url.port), timeout=10)
started = time.monotonic()
sock.sendall(("POST / HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-amz-json-1.1\r\n"
              "X-Amz-Target: RekognitionService.DetectCustomLabels\r\nContent-Length: %d\r\n\r\n" % (url.netloc, 100 * 1024 * 1024)).encode())
sock.sendall(b"{" + b" " * (1024 * 1024))
answer = sock.recv(4096).decode("latin-1")
sock.close()
check("100 MB body → 413 before it is read", answer.startswith("HTTP/1.1 413") and time.monotonic() - started < 5, answer[:80])

# S3 through boto3: keys that would leave the bucket are refused; head, list, delete.
for key in ["../outside.jpg", "check/../../outside.jpg", "/abs.jpg", "check/./x.jpg"]:
    code, status = error_code(lambda: s3.put_object(Bucket="chekimagebkt", Key=key, Body=b"x"))
    check(f"put_object {key!r} refused", code == "InvalidArgument" and status == 400, (code, status))
s3.put_object(Bucket="chekimagebkt", Key="check/copy.jpg", Body=photo)
head = s3.head_object(Bucket="chekimagebkt", Key="check/copy.jpg")
check("head_object: size and type", head["ContentLength"] == len(photo) and head["ContentType"] == "image/jpeg", head)
listed = s3.list_objects_v2(Bucket="chekimagebkt", Prefix="check/")
check("list_objects_v2", [o["Key"] for o in listed["Contents"]] == ["check/breads3.jpg", "check/copy.jpg"], listed.get("Contents"))
listed = s3.list_objects_v2(Bucket="chekimagebkt", Delimiter="/")
check("list_objects_v2 with a delimiter", [p["Prefix"] for p in listed.get("CommonPrefixes", [])] == ["check/"], listed)
s3.delete_object(Bucket="chekimagebkt", Key="check/copy.jpg")
code, status = error_code(lambda: s3.get_object(Bucket="chekimagebkt", Key="check/copy.jpg"))
check("deleted → NoSuchKey 404", (code, status) == ("NoSuchKey", 404), (code, status))
code, status = error_code(lambda: s3.list_objects_v2(Bucket="nobucket"))
check("no bucket → NoSuchBucket", code == "NoSuchBucket", (code, status))

# Stop: STOPPING, then STOPPED (1 simulated minute = 1 s).
status = rek.stop_project_version(ProjectVersionArn=arn)["Status"]
check("StopProjectVersion → STOPPING", status == "STOPPING", status)
deadline = time.monotonic() + 15
while time.monotonic() < deadline:
    status = rek.describe_project_versions(ProjectArn=project_arn)["ProjectVersionDescriptions"][0]["Status"]
    if status == "STOPPED":
        break
    time.sleep(0.5)
check("STOPPED after about a second", status == "STOPPED", status)
# Back to RUNNING for the AWS CLI checks that follow.
rek.start_project_version(ProjectVersionArn=arn, MinInferenceUnits=1)
rek.get_waiter("project_version_running").wait(ProjectArn=project_arn, WaiterConfig={"Delay": 1, "MaxAttempts": 30})
check("started again", True)

# Building a model: the lesson's photos and two Ground Truth manifests in a bucket, a project, two
# datasets, a version trained on the server's clock (30 simulated minutes = 30 s), its evaluation
# summary in the output bucket, then start, detect, stop and delete.
photos_folder = os.path.dirname(photo_path)
lesson = json.load(open(os.path.join(photos_folder, "manifest.json"), encoding="utf-8"))
s3.create_bucket(Bucket="bakery-bkt", CreateBucketConfiguration={"LocationConstraint": "ap-northeast-1"})
labels = sorted({bread["Name"] for p in lesson["Photos"] if p["Role"] in ("train", "test") for bread in p["Breads"]})
# The lesson's sets, counted from its manifest (the test set has single breads and whole trays).
n_train = sum(1 for p in lesson["Photos"] if p["Role"] == "train")
n_test = sum(1 for p in lesson["Photos"] if p["Role"] == "test")
for role in ("train", "test"):
    lines = []
    for p in (p for p in lesson["Photos"] if p["Role"] == role):
        s3.put_object(Bucket="bakery-bkt", Key=p["File"], Body=open(os.path.join(photos_folder, p["File"]), "rb").read())
        w, h = p["Width"], p["Height"]
        annotations = [{"class_id": labels.index(b["Name"]), "top": round(b["BoundingBox"]["Top"] * h), "left": round(b["BoundingBox"]["Left"] * w),
                        "width": round(b["BoundingBox"]["Width"] * w), "height": round(b["BoundingBox"]["Height"] * h)} for b in p["Breads"]]
        lines.append(json.dumps({
            "source-ref": f"s3://bakery-bkt/{p['File']}",
            "bounding-box": {"image_size": [{"width": w, "height": h, "depth": 3}], "annotations": annotations},
            "bounding-box-metadata": {"objects": [{"confidence": 1} for _ in annotations],
                                      "class-map": {str(a["class_id"]): labels[a["class_id"]] for a in annotations},
                                      "type": "groundtruth/object-detection", "human-annotated": "yes",
                                      "creation-date": "2026-04-01T00:00:00", "job-name": "boto3"}}, ensure_ascii=False))
    s3.put_object(Bucket="bakery-bkt", Key=f"manifests/{role}.manifest", Body=("\n".join(lines) + "\n").encode("utf-8"))
check(f"put_object: {n_train + n_test} photos and 2 manifests", len(s3.list_objects_v2(Bucket="bakery-bkt")["Contents"]) == n_train + n_test + 2)
bakery_arn = rek.create_project(ProjectName="bakery-ai")["ProjectArn"]
check("create_project", ":project/bakery-ai/" in bakery_arn, bakery_arn)
code, _ = error_code(lambda: rek.create_project(ProjectName="bakery-ai"))
check("create_project twice → ResourceInUseException", code == "ResourceInUseException", code)
s3.put_object(Bucket="bakery-bkt", Key="manifests/bad.manifest", Body=b'{"source-ref": "s3://bakery-bkt/nope.jpg"}\n{not json\n')
code, _ = error_code(lambda: rek.create_dataset(ProjectArn=bakery_arn, DatasetType="TRAIN", DatasetSource={
    "GroundTruthManifest": {"S3Object": {"Bucket": "bakery-bkt", "Name": "manifests/bad.manifest"}}}))
check("create_dataset with a bad manifest → InvalidParameterException", code == "InvalidParameterException", code)
for kind in ("TRAIN", "TEST"):
    dataset_arn = rek.create_dataset(ProjectArn=bakery_arn, DatasetType=kind, DatasetSource={
        "GroundTruthManifest": {"S3Object": {"Bucket": "bakery-bkt", "Name": f"manifests/{kind.lower()}.manifest"}}})["DatasetArn"]
    check(f"create_dataset {kind}", f":project/bakery-ai/dataset/{kind.lower()}/" in dataset_arn, dataset_arn)
version_arn = rek.create_project_version(ProjectArn=bakery_arn, VersionName="v1",
                                         OutputConfig={"S3Bucket": "bakery-bkt", "S3KeyPrefix": "output/"})["ProjectVersionArn"]
check("create_project_version", ":project/bakery-ai/version/v1/" in version_arn, version_arn)
training = rek.describe_project_versions(ProjectArn=bakery_arn, VersionNames=["v1"])["ProjectVersionDescriptions"][0]
check("TRAINING_IN_PROGRESS", training["Status"] == "TRAINING_IN_PROGRESS", training["Status"])
rek.get_waiter("project_version_training_completed").wait(ProjectArn=bakery_arn, VersionNames=["v1"],
                                                          WaiterConfig={"Delay": 1, "MaxAttempts": 90})
trained = rek.describe_project_versions(ProjectArn=bakery_arn, VersionNames=["v1"])["ProjectVersionDescriptions"][0]
check("waiter project_version_training_completed", trained["Status"] == "TRAINING_COMPLETED", trained["Status"])
summary_object = trained.get("EvaluationResult", {}).get("Summary", {}).get("S3Object", {})
check("EvaluationResult: F1Score and the summary object", "F1Score" in trained.get("EvaluationResult", {})
      and summary_object == {"Bucket": "bakery-bkt", "Name": "output/EvaluationSummary-bakery-ai-v1.json"}, trained.get("EvaluationResult"))
check("OutputConfig", trained.get("OutputConfig") == {"S3Bucket": "bakery-bkt", "S3KeyPrefix": "output/"}, trained.get("OutputConfig"))
summary = json.loads(s3.get_object(Bucket="bakery-bkt", Key=summary_object.get("Name", "none"))["Body"].read())
check(f"the summary file: {n_train} training and {n_test} test images", summary["EvaluationDetails"]["NumberOfTrainingImages"] == n_train
      and summary["EvaluationDetails"]["NumberOfTestingImages"] == n_test, summary.get("EvaluationDetails"))
rek.start_project_version(ProjectVersionArn=version_arn, MinInferenceUnits=1)
rek.get_waiter("project_version_running").wait(ProjectArn=bakery_arn, VersionNames=["v1"], WaiterConfig={"Delay": 1, "MaxAttempts": 30})
check("the trained version is RUNNING", True)
found = [label["Name"] for label in rek.detect_custom_labels(ProjectVersionArn=version_arn, Image={"Bytes": photo})["CustomLabels"]]
check("detect_custom_labels on breads3.jpg finds breads", found and set(found) <= set(labels), found)
code, _ = error_code(lambda: rek.delete_project_version(ProjectVersionArn=version_arn))
check("delete while RUNNING → ResourceInUseException", code == "ResourceInUseException", code)
code, _ = error_code(lambda: rek.delete_project_version(ProjectVersionArn=arn))
check("delete a recorded version → InvalidParameterException", code == "InvalidParameterException", code)
rek.stop_project_version(ProjectVersionArn=version_arn)
deadline = time.monotonic() + 15
while time.monotonic() < deadline and rek.describe_project_versions(ProjectArn=bakery_arn)["ProjectVersionDescriptions"][0]["Status"] != "STOPPED":
    time.sleep(0.5)
status = rek.delete_project_version(ProjectVersionArn=version_arn)["Status"]
check("delete_project_version → DELETING", status == "DELETING", status)
left = rek.describe_project_versions(ProjectArn=bakery_arn)["ProjectVersionDescriptions"]
check("the version is gone", left == [], left)

print(f"{results['passed']} passed, {results['failed']} failed")
sys.exit(1 if results["failed"] else 0)
