#!/usr/bin/env bash
# Executes Java notebooks through JShell, writes each cell's outputs back into the notebook and
# validates the result with Jupyter's nbformat library.
#
# Usage: notebooks/execute.sh [--html] [--verbose] [--cell-timeout SECONDS] [NOTEBOOK.ipynb ...]
#   With no notebook named, executes every .ipynb file in this folder.
#   --html also renders each executed notebook to notebooks/html/ with jupyter-nbconvert.
#   --verbose and --cell-timeout go to the runner: a stack trace for an internal error, and how
#   long one cell may run (600 s by default).
# JAVA_OPTS is passed to the runner's JVM, which hands its -Xms, -Xmx, -Xss and -XX: options
# on to the JVM that runs the cells.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
here="$root/notebooks"
jar="$root/simulator/target/headroom.jar"
python=/usr/bin/python3

html=false
# Options for the runner itself, passed on to every notebook's run.
runner_options=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --html)
            html=true
            shift
            ;;
        --verbose)
            runner_options+=("$1")
            shift
            ;;
        --cell-timeout)
            if [[ $# -lt 2 ]]; then
                echo "execute.sh: --cell-timeout needs a number of seconds, such as" \
                    "--cell-timeout 900" >&2
                exit 2
            fi
            runner_options+=("$1" "$2")
            shift 2
            ;;
        --)
            shift
            break
            ;;
        -*)
            echo "execute.sh: unknown option '$1'; the options are --html, --verbose and" \
                "--cell-timeout SECONDS" >&2
            exit 2
            ;;
        *)
            break
            ;;
    esac
done

notebooks=("$@")
if [[ ${#notebooks[@]} -eq 0 ]]; then
    notebooks=("$here"/*.ipynb)
fi

# The launcher builds the jar when it is missing or older than a source file.
"$root/headroom" --version >/dev/null

can_validate=true
if ! "$python" -c 'import nbformat' 2>/dev/null; then
    can_validate=false
fi
if [[ "$html" == true ]] && ! command -v jupyter-nbconvert >/dev/null; then
    echo "execute.sh: --html needs jupyter-nbconvert; install it with" \
        "'apt-get install jupyter-nbconvert'." >&2
    exit 1
fi

for notebook in "${notebooks[@]}"; do
    echo "execute.sh: executing $notebook" >&2
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -cp "$jar" dev.headroom.notebook.NotebookRunner \
        ${runner_options[@]+"${runner_options[@]}"} "$notebook"
    if [[ "$can_validate" == true ]]; then
        "$python" -c 'import sys, nbformat
nbformat.validate(nbformat.read(sys.argv[1], as_version=4))' "$notebook"
    fi
    if [[ "$html" == true ]]; then
        jupyter-nbconvert --log-level=WARN --to html --output-dir "$here/html" "$notebook"
    fi
done

if [[ "$can_validate" == false ]]; then
    echo "execute.sh: the notebooks were executed but not validated: $python cannot import" \
        "nbformat. Install it with 'apt-get install python3-nbformat' and run this again." >&2
    exit 1
fi
echo "execute.sh: ${#notebooks[@]} notebook(s) executed and valid" >&2
