import boto3

# ml-uploader IAM user (write-only to s3://northwind-ml)
session = boto3.Session(
    "{{gen:aws-key-id:ml}}",
    "{{gen:aws-secret:ml}}",
    region_name="eu-central-1",
)
s3 = session.client("s3")


def upload(path: str, key: str) -> None:
    s3.upload_file(path, "northwind-ml", key)
