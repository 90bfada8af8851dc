"""Creates, through moto's free (unauthenticated) calls, what the peer tests need, then makes sure
moto enforces authentication before the tests rely on it.

Prints `export NAME=value` lines for the shell to evaluate. Usage: setup-moto.py ENDPOINT PHOTO
"""
import json
import sys

import boto3
import botocore.config
import botocore.exceptions

endpoint, photo_path = sys.argv[1], sys.argv[2]
region = "us-east-1"
config = botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"}, connect_timeout=5, read_timeout=10)
bootstrap = dict(endpoint_url=endpoint, region_name=region, aws_access_key_id="AKIDBOOTSTRAP",
                 aws_secret_access_key="bootstrap", config=config)
iam = boto3.client("iam", **bootstrap)
s3 = boto3.client("s3", **bootstrap)

# A user allowed Rekognition and s3:GetObject, with a key.
iam.create_user(UserName="panya-class")
iam.put_user_policy(UserName="panya-class", PolicyName="panya", PolicyDocument=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["rekognition:*", "s3:GetObject"], "Resource": "*"}],
}))
allowed = iam.create_access_key(UserName="panya-class")["AccessKey"]

# A user with no Rekognition permission at all.
iam.create_user(UserName="panya-nobody")
iam.put_user_policy(UserName="panya-nobody", PolicyName="s3-list-only", PolicyDocument=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": "*"}],
}))
denied = iam.create_access_key(UserName="panya-nobody")["AccessKey"]

# A user who may also call EventBridge Scheduler (run-scheduler-tests.sh); the first keeps no
# scheduler permission, so a signed scheduler call of hers is refused for permission.
iam.create_user(UserName="panya-operations")
iam.put_user_policy(UserName="panya-operations", PolicyName="panya-operations", PolicyDocument=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["rekognition:*", "scheduler:*"], "Resource": "*"}],
}))
operations = iam.create_access_key(UserName="panya-operations")["AccessKey"]

# A bucket with a photo and an evaluation summary.
bucket, photo_key = "panya-class-photos", "trays/breads 3.png"
summary_key = "evaluation/EvaluationSummary-verification001-verification001.2023-08-01T10.00.00.json"
s3.create_bucket(Bucket=bucket)
with open(photo_path, "rb") as f:
    s3.put_object(Bucket=bucket, Key=photo_key, Body=f.read())
summary = {
    "Version": 1,
    "EvaluationDetails": {"ProjectVersionArn": "arn:aws:rekognition:us-east-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000",
                          "NumberOfTrainingImages": 30, "NumberOfTestingImages": 3},
    "AggregatedEvaluationResults": {"F1Score": 1.0, "Precision": 1.0, "Recall": 1.0},
    "LabelEvaluationResults": [
        {"Label": "あんぱん", "NumberOfTestingImages": 1, "Metrics": {"F1Score": 1.0, "Precision": 1.0, "Recall": 1.0, "Threshold": 0.817}},
        {"Label": "メロンパン", "NumberOfTestingImages": 1, "Metrics": {"F1Score": 1.0, "Precision": 1.0, "Recall": 1.0, "Threshold": 0.862}},
        {"Label": "焼きそばパン", "NumberOfTestingImages": 1, "Metrics": {"F1Score": 1.0, "Precision": 1.0, "Recall": 1.0, "Threshold": 0.907}},
    ],
}
s3.put_object(Bucket=bucket, Key=summary_key, Body=json.dumps(summary, ensure_ascii=False).encode("utf-8"))

# Spend any free calls left with a key moto does not know, until one is refused: from then on
# moto checks every signature and permission. At most 40 tries.
rek = boto3.client("rekognition", **bootstrap)
arn = "arn:aws:rekognition:us-east-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"
for attempt in range(40):
    try:
        rek.detect_custom_labels(ProjectVersionArn=arn, Image={"Bytes": b"x"})
    except botocore.exceptions.ClientError as error:
        # moto answers auth errors in XML even for JSON services, so botocore keeps the code in the message.
        text = str(error)
        if "InvalidClientTokenId" in text or "UnrecognizedClientException" in text:
            print(f"moto enforces auth (unknown key refused after {attempt} free calls)", file=sys.stderr)
            break
        raise
else:
    sys.exit("moto never refused an unknown key: authentication is not enforced")

# And the allowed key really works, the denied one really is denied.
good = boto3.client("rekognition", endpoint_url=endpoint, region_name=region, config=config,
                    aws_access_key_id=allowed["AccessKeyId"], aws_secret_access_key=allowed["SecretAccessKey"])
good.detect_custom_labels(ProjectVersionArn=arn, Image={"Bytes": b"x"})
bad = boto3.client("rekognition", endpoint_url=endpoint, region_name=region, config=config,
                   aws_access_key_id=denied["AccessKeyId"], aws_secret_access_key=denied["SecretAccessKey"])
try:
    bad.detect_custom_labels(ProjectVersionArn=arn, Image={"Bytes": b"x"})
    sys.exit("the user without rekognition permission was allowed")
except botocore.exceptions.ClientError as error:
    if "AccessDenied" not in str(error):
        raise
    print("user without permission refused with AccessDenied", file=sys.stderr)

values = {
    "PANYA_MOTO_ENDPOINT": endpoint,
    "PANYA_MOTO_REGION": region,
    "PANYA_MOTO_ACCESS_KEY_ID": allowed["AccessKeyId"],
    "PANYA_MOTO_SECRET_ACCESS_KEY": allowed["SecretAccessKey"],
    "PANYA_MOTO_SCHEDULER_ACCESS_KEY_ID": operations["AccessKeyId"],
    "PANYA_MOTO_SCHEDULER_SECRET_ACCESS_KEY": operations["SecretAccessKey"],
    "PANYA_MOTO_DENIED_ACCESS_KEY_ID": denied["AccessKeyId"],
    "PANYA_MOTO_DENIED_SECRET_ACCESS_KEY": denied["SecretAccessKey"],
    "PANYA_MOTO_BUCKET": bucket,
    "PANYA_MOTO_PHOTO_KEY": photo_key,
    "PANYA_MOTO_SUMMARY_KEY": summary_key,
    "PANYA_MOTO_PHOTO": photo_path,
    "PANYA_MOTO_VERSION_ARN": arn,
}
for name, value in values.items():
    print(f"export {name}='{value}'")
