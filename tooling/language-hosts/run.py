"""Runs one Pulumi Python program for this repository's language host (main.go embeds this file).

Invoked as `python -u -c <this file> <program> [args…]` in the program's folder, with the engine's
settings in PULUMI_* environment variables. Uses only the public runtime API of Pulumi's Python SDK
(from PyPI): config, settings, run_in_stack. Exit code 32 means the error was already reported to the
engine, which then does not repeat it.
"""
import asyncio
import logging
import os
import runpy
import sys
import traceback

try:
    import pulumi
    import pulumi.runtime
except ImportError:
    print("The Pulumi Python SDK is not installed for this program: pip install pulumi (in its virtualenv).", file=sys.stderr)
    sys.exit(1)

ALREADY_REPORTED = 32


def run(program, args):
    pulumi.runtime.set_all_config(pulumi.runtime.get_config_env(), pulumi.runtime.get_config_secret_keys_env())
    parallel = int(os.environ.get("PULUMI_PARALLEL") or "0")
    pulumi.runtime.configure(
        pulumi.runtime.Settings(
            monitor=os.environ["PULUMI_MONITOR"],
            engine=os.environ.get("PULUMI_ENGINE") or None,
            project=os.environ["PULUMI_PROJECT"],
            stack=os.environ["PULUMI_STACK"],
            parallel=parallel if parallel > 0 else None,
            dry_run=os.environ.get("PULUMI_DRY_RUN") == "true",
            organization=os.environ.get("PULUMI_ORGANIZATION") or None,
        )
    )
    sys.argv = [program, *args]
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    # Futures a failed program leaves unobserved are expected; asyncio's complaints about them are noise.
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    try:
        loop.run_until_complete(pulumi.runtime.run_in_stack(lambda: runpy.run_path(program, run_name="__main__")))
        return 0
    except pulumi.RunError as err:
        pulumi.log.error(str(err))
    except Exception:
        pulumi.log.error(traceback.format_exc())
    finally:
        loop.close()
        sys.stdout.flush()
        sys.stderr.flush()
    return ALREADY_REPORTED


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2:]))
