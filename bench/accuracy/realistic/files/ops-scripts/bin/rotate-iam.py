#!/usr/bin/env python3
"""Rotate the access key of an IAM user and print the new pair once."""
import sys

import boto3

iam = boto3.client("iam")


def rotate(user: str) -> None:
    old = iam.list_access_keys(UserName=user)["AccessKeyMetadata"]
    new = iam.create_access_key(UserName=user)["AccessKey"]
    print(f"new key for {user}: {new['AccessKeyId']} / {new['SecretAccessKey']}")
    for k in old:
        iam.update_access_key(UserName=user, AccessKeyId=k["AccessKeyId"], Status="Inactive")


if __name__ == "__main__":
    rotate(sys.argv[1])
