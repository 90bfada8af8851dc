"""The S3 half of `panya serve` against boto3 and the AWS CLI: a 50 MB file up and back down
(byte-compared), boto3's transfer manager (multipart + ranged GETs), the five flexible checksums,
Content-MD5, ranges, conditional requests, copy, delete_objects, list_buckets, delete_bucket,
bucket-name rules, keys. Usage: s3_peer_test.py ENDPOINT [--cli-only]; the keys come from
AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. Prints one line per check, 's3: N passed, N failed'
last; exits 1 on a failure."""
import base64
import hashlib
import os
import subprocess
import sys
import tempfile
import zlib

import boto3
import boto3.s3.transfer
import botocore.config
import botocore.exceptions

endpoint = sys.argv[1]
cli_only = "--cli-only" in sys.argv[2:]
config = botocore.config.Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=60)
session = boto3.session.Session(region_name="ap-northeast-1")
s3 = session.client("s3", endpoint_url=endpoint, config=config)
results = {"passed": 0, "failed": 0}
work = tempfile.mkdtemp(prefix="panya-s3-peer.")


def check(name, condition, detail=""):
    results["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"), flush=True)


def error_of(call):
    """The (code, HTTP status) of the ClientError `call` raises, (None, None) when it succeeds."""
    try:
        call()
    except botocore.exceptions.ClientError as error:
        return error.response["Error"].get("Code"), error.response["ResponseMetadata"]["HTTPStatusCode"]
    return None, None


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def aws(*args):
    return subprocess.run(["timeout", "120", "aws", "--endpoint-url", endpoint, *args],
                          capture_output=True, text=True)


def step(name, function):
    """Runs one group of checks; an unexpected exception is one failure, not the end of the run."""
    try:
        function()
    except Exception as error:  # noqa: BLE001 - any surprise is a failed check
        check(name, False, f"{type(error).__name__}: {error}")


# A 50 MB file (deterministic, incompressible enough) for the transfers.
big = os.path.join(work, "big.bin")
with open(big, "wb") as handle:
    block = hashlib.sha256(b"panya").digest() * 32768  # 1 MiB
    for index in range(50):
        handle.write(bytes([index]) + block[1:])
big_sha = sha256_of(big)
bucket = "peer-bkt-cli" if not cli_only else "peer-bkt-auth"


def cli_round_trip():
    made = aws("s3", "mb", f"s3://{bucket}")
    check("aws s3 mb", made.returncode == 0, made.stderr)
    up = aws("s3", "cp", "--only-show-errors", big, f"s3://{bucket}/dir/big.bin")
    check("aws s3 cp 50 MB up (multipart)", up.returncode == 0, up.stderr)
    back = os.path.join(work, "back.bin")
    down = aws("s3", "cp", "--only-show-errors", f"s3://{bucket}/dir/big.bin", back)
    check("aws s3 cp 50 MB down (ranged GETs)", down.returncode == 0, down.stderr)
    check("50 MB byte-identical both ways (sha256)", os.path.exists(back) and sha256_of(back) == big_sha)
    head = s3.head_object(Bucket=bucket, Key="dir/big.bin")
    check("multipart ETag ends with -7", head["ETag"].endswith('-7"'), head["ETag"])
    copied = aws("s3", "cp", "--only-show-errors", f"s3://{bucket}/dir/big.bin", f"s3://{bucket}/dir/copy.bin")
    check("aws s3 cp 50 MB bucket to bucket (UploadPartCopy)", copied.returncode == 0, copied.stderr)
    again = os.path.join(work, "copy.bin")
    down = aws("s3", "cp", "--only-show-errors", f"s3://{bucket}/dir/copy.bin", again)
    check("the server-side copy is byte-identical", down.returncode == 0 and sha256_of(again) == big_sha, down.stderr)
    removed = aws("s3", "rb", f"s3://{bucket}", "--force")
    check("aws s3 rb --force", removed.returncode == 0, removed.stderr)


step("aws s3 cp 50 MB", cli_round_trip)
if cli_only:
    print(f"s3: {results['passed']} passed, {results['failed']} failed")
    sys.exit(0 if results["failed"] == 0 else 1)

name = "peer-bkt"
s3.create_bucket(Bucket=name)


def transfer_manager():
    transfer = boto3.s3.transfer.TransferConfig(multipart_threshold=8 * 1024 * 1024, multipart_chunksize=8 * 1024 * 1024)
    s3.upload_file(big, name, "tm/big.bin", Config=transfer)
    back = os.path.join(work, "tm.bin")
    s3.download_file(name, "tm/big.bin", back, Config=transfer)
    check("boto3 upload_file/download_file 50 MB identical", sha256_of(back) == big_sha)
    parts = s3.head_object(Bucket=name, Key="tm/big.bin")["ETag"]
    check("boto3 upload_file made a multipart object", parts.endswith('-7"'), parts)


def checksums():
    body = b"melon pan, yakisoba pan, anpan"
    for algorithm in ["CRC32", "CRC32C", "SHA1", "SHA256", "CRC64NVME"]:
        key = f"sum/{algorithm}"
        try:
            put = s3.put_object(Bucket=name, Key=key, Body=body, ChecksumAlgorithm=algorithm)
            got = s3.get_object(Bucket=name, Key=key, ChecksumMode="ENABLED")
            value = got.get(f"Checksum{algorithm}")
            data = got["Body"].read()
            check(f"put/get ChecksumAlgorithm={algorithm} returned", value is not None and value == put.get(f"Checksum{algorithm}") and data == body,
                  f"{value} vs {put.get(f'Checksum{algorithm}')}")
        except Exception as error:  # noqa: BLE001
            check(f"put/get ChecksumAlgorithm={algorithm}", False, f"{type(error).__name__}: {error}")
    crc = base64.b64encode(zlib.crc32(body).to_bytes(4, "big")).decode()
    check("CRC32 is zlib's", s3.head_object(Bucket=name, Key="sum/CRC32", ChecksumMode="ENABLED").get("ChecksumCRC32") == crc)
    wrong = base64.b64encode(hashlib.md5(b"other").digest()).decode()
    code, status = error_of(lambda: s3.put_object(Bucket=name, Key="md5", Body=body, ContentMD5=wrong))
    check("a wrong Content-MD5 → 400 BadDigest", (code, status) == ("BadDigest", 400), (code, status))
    right = base64.b64encode(hashlib.md5(body).digest()).decode()
    check("a right Content-MD5 is accepted", s3.put_object(Bucket=name, Key="md5", Body=body, ContentMD5=right)["ETag"] == f'"{hashlib.md5(body).hexdigest()}"')
    code, status = error_of(lambda: s3.put_object(Bucket=name, Key="crc", Body=body, ChecksumCRC32="AAAAAA=="))
    check("a wrong x-amz-checksum-crc32 → 400 BadDigest", (code, status) == ("BadDigest", 400), (code, status))


def ranges_and_conditions():
    s3.put_object(Bucket=name, Key="ten", Body=b"0123456789", ContentType="text/plain", Metadata={"baker": "hanako"})
    part = s3.get_object(Bucket=name, Key="ten", Range="bytes=2-5")
    check("Range bytes=2-5 → 206, Content-Range", part["ResponseMetadata"]["HTTPStatusCode"] == 206 and part["ContentRange"] == "bytes 2-5/10"
          and part["Body"].read() == b"2345", part.get("ContentRange"))
    check("Range bytes=-3", s3.get_object(Bucket=name, Key="ten", Range="bytes=-3")["Body"].read() == b"789")
    code, status = error_of(lambda: s3.get_object(Bucket=name, Key="ten", Range="bytes=20-"))
    check("a range past the end → 416 InvalidRange", (code, status) == ("InvalidRange", 416), (code, status))
    head = s3.head_object(Bucket=name, Key="ten")
    check("Content-Type and metadata kept", head["ContentType"] == "text/plain" and head["Metadata"] == {"baker": "hanako"}, head)
    etag = head["ETag"]
    code, status = error_of(lambda: s3.get_object(Bucket=name, Key="ten", IfNoneMatch=etag))
    check("If-None-Match the ETag → 304", status == 304, (code, status))
    code, status = error_of(lambda: s3.get_object(Bucket=name, Key="ten", IfMatch='"0000"'))
    check("If-Match another ETag → 412 PreconditionFailed", (code, status) == ("PreconditionFailed", 412), (code, status))
    code, status = error_of(lambda: s3.get_object(Bucket=name, Key="ten", IfModifiedSince=head["LastModified"]))
    check("If-Modified-Since its time → 304", status == 304, (code, status))
    code, status = error_of(lambda: s3.put_object(Bucket=name, Key="ten", Body=b"x", IfNoneMatch="*"))
    check("put If-None-Match * on an existing key → 412", status == 412, (code, status))
    check("request ids on the answer", bool(head["ResponseMetadata"].get("RequestId")) and bool(head["ResponseMetadata"].get("HostId")))


def copy_delete_buckets():
    copied = s3.copy_object(Bucket=name, Key="ten-copy", CopySource={"Bucket": name, "Key": "ten"})
    got = s3.get_object(Bucket=name, Key="ten-copy")
    check("copy_object keeps bytes and metadata", got["Body"].read() == b"0123456789" and got["Metadata"] == {"baker": "hanako"}
          and copied["CopyObjectResult"]["ETag"] == got["ETag"])
    s3.copy_object(Bucket=name, Key="ten-replaced", CopySource=f"{name}/ten", MetadataDirective="REPLACE", ContentType="text/x-bread",
                   Metadata={"oven": "2"})
    replaced = s3.head_object(Bucket=name, Key="ten-replaced")
    check("copy_object REPLACE", replaced["ContentType"] == "text/x-bread" and replaced["Metadata"] == {"oven": "2"}, replaced)
    deleted = s3.delete_objects(Bucket=name, Delete={"Objects": [{"Key": "ten-copy"}, {"Key": "ten-replaced"}, {"Key": "never"}]})
    check("delete_objects", sorted(item["Key"] for item in deleted.get("Deleted", [])) == ["never", "ten-copy", "ten-replaced"], deleted)
    quiet = s3.delete_objects(Bucket=name, Delete={"Objects": [{"Key": "md5"}], "Quiet": True})
    check("delete_objects Quiet", "Deleted" not in quiet and "Errors" not in quiet, quiet)
    s3.create_bucket(Bucket="peer-empty")
    names = [entry["Name"] for entry in s3.list_buckets()["Buckets"]]
    check("list_buckets", "peer-bkt" in names and "peer-empty" in names and not any(n.startswith(".") for n in names), names)
    code, status = error_of(lambda: s3.delete_bucket(Bucket=name))
    check("delete_bucket with objects → 409 BucketNotEmpty", (code, status) == ("BucketNotEmpty", 409), (code, status))
    s3.delete_bucket(Bucket="peer-empty")
    code, _ = error_of(lambda: s3.head_bucket(Bucket="peer-empty"))
    check("delete_bucket of an empty bucket", code == "404", code)
    for bad in ["Bad..Bucket", "ab", "192.168.0.1", "-start"]:
        code, status = error_of(lambda: s3.create_bucket(Bucket=bad))
        check(f"bucket name {bad!r} → InvalidBucketName", (code, status) == ("InvalidBucketName", 400), (code, status))
    code, status = error_of(lambda: s3.get_object(Bucket="no-such-bkt", Key="x"))
    check("get on a missing bucket → NoSuchBucket", (code, status) == ("NoSuchBucket", 404), (code, status))


def listing_and_keys():
    for key in ["p/1", "p/2", "p/3", "p/4", "p/5"]:
        s3.put_object(Bucket=name, Key=key, Body=b"k")
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=name, Prefix="p/", PaginationConfig={"PageSize": 2})
    keys = [item["Key"] for page in pages for item in page.get("Contents", [])]
    check("list_objects_v2 pages with continuation tokens", keys == ["p/1", "p/2", "p/3", "p/4", "p/5"], keys)
    code, status = error_of(lambda: s3.list_objects_v2(Bucket=name, MaxKeys=-1))
    check("max-keys -1 → 400 InvalidArgument", (code, status) == ("InvalidArgument", 400), (code, status))
    code, status = error_of(lambda: s3.put_object(Bucket=name, Key="k" * 1025, Body=b"x"))
    check("a 1,025-byte key → KeyTooLongError", (code, status) == ("KeyTooLongError", 400), (code, status))
    s3.put_object(Bucket=name, Key="a", Body=b"A")
    s3.put_object(Bucket=name, Key="a/b", Body=b"B")
    check("keys a and a/b side by side", s3.get_object(Bucket=name, Key="a")["Body"].read() == b"A"
          and s3.get_object(Bucket=name, Key="a/b")["Body"].read() == b"B")
    code, status = error_of(lambda: s3.put_object(Bucket=name, Key="../escape", Body=b"x"))
    check("a ../ key is refused", status == 400, (code, status))


def multipart_rules():
    upload = s3.create_multipart_upload(Bucket=name, Key="mp")["UploadId"]
    first = s3.upload_part(Bucket=name, Key="mp", UploadId=upload, PartNumber=1, Body=b"small")["ETag"]
    second = s3.upload_part(Bucket=name, Key="mp", UploadId=upload, PartNumber=2, Body=b"parts")["ETag"]
    parts = s3.list_parts(Bucket=name, Key="mp", UploadId=upload)["Parts"]
    check("list_parts", [part["PartNumber"] for part in parts] == [1, 2], parts)
    code, _ = error_of(lambda: s3.complete_multipart_upload(Bucket=name, Key="mp", UploadId=upload, MultipartUpload={
        "Parts": [{"PartNumber": 1, "ETag": first}, {"PartNumber": 2, "ETag": second}]}))
    check("a small part that is not the last → EntityTooSmall", code == "EntityTooSmall", code)
    code, _ = error_of(lambda: s3.complete_multipart_upload(Bucket=name, Key="mp", UploadId=upload, MultipartUpload={
        "Parts": [{"PartNumber": 2, "ETag": second}, {"PartNumber": 1, "ETag": first}]}))
    check("parts out of order → InvalidPartOrder", code == "InvalidPartOrder", code)
    s3.abort_multipart_upload(Bucket=name, Key="mp", UploadId=upload)
    code, _ = error_of(lambda: s3.list_parts(Bucket=name, Key="mp", UploadId=upload))
    check("abort_multipart_upload → NoSuchUpload after", code == "NoSuchUpload", code)


for label, function in [("transfer manager", transfer_manager), ("checksums", checksums), ("ranges and conditions", ranges_and_conditions),
                        ("copy, delete, buckets", copy_delete_buckets), ("listing and keys", listing_and_keys), ("multipart rules", multipart_rules)]:
    step(label, function)

print(f"s3: {results['passed']} passed, {results['failed']} failed")
sys.exit(0 if results["failed"] == 0 else 1)
