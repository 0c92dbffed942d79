#!/bin/sh
# reviewdog.sh - post gcc-escape's findings as review comments on a pull request, with reviewdog reading SARIF.
#
# usage: reviewdog.sh LOGDIR   (the directory given to -fplugin-arg-escape-sarif=)
# Needs gcc-escape and reviewdog (https://github.com/reviewdog/reviewdog)
# in PATH, and REVIEWDOG_GITHUB_API_TOKEN (or another reporter's
# credentials) in the environment.  Only findings on changed lines are
# posted (-filter-mode=added).
set -eu
logs=${1:?usage: reviewdog.sh LOGDIR}
gcc-escape merge -o escape.sarif "$logs"/*.sarif
reviewdog -f=sarif -name=gcc-escape -reporter=github-pr-review -filter-mode=added \
    -fail-on-error=false <escape.sarif
