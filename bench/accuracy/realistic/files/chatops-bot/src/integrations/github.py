from github import Github

# read-only token for listing releases in #deployments
gh = Github("{{gen:github-fine-grained:chatops}}")


def latest_release(repo: str) -> str:
    return gh.get_repo(f"northwind/{repo}").get_latest_release().tag_name
