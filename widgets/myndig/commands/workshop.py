"""``myndig workshop``: serve the workshop apps, create a workshop, write ``voila.json``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from traitlets.config import Config

from myndig.store import ENVIRONMENT_VARIABLE, open_store
from myndig.workshop_config import PUBLIC_URL_VARIABLE, WorkshopConfig


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("workshop", help="verksted for NAV-kontor i Voilà")
    actions = parser.add_subparsers(title="handlinger", metavar="HANDLING")

    serve = actions.add_parser("serve", help="start verkstedserveren (Voilà med innstillingene "
                                             "fra WorkshopConfig)")
    _add_settings(serve)
    serve.add_argument("--lan", action="store_true",
                       help="lytt på kontorets nett (0.0.0.0) i stedet for bare denne maskinen")
    serve.add_argument("--config-dir", type=Path, default=None,
                       help="mappen Voilà-innstillingene skrives til (standard: .myndig/voila)")
    serve.add_argument("--dry-run", action="store_true",
                       help="skriv ut kommandoen og innstillingene uten å starte")
    serve.set_defaults(handler=run_serve)

    new = actions.add_parser("new", help="opprett et verksted og skriv ut koden")
    new.add_argument("title", help="navnet på verkstedet")
    new.add_argument("--database", default="", help="verkstedbasen (standard: .myndig/...)")
    new.add_argument("--root", type=Path, default=Path.cwd(), help="prosjektmappen")
    new.set_defaults(handler=run_new)

    config = actions.add_parser("config", help="skriv ut eller lagre voila.json")
    config.add_argument("--write", type=Path, default=None, help="filen som skal skrives")
    config.set_defaults(handler=run_config)
    parser.set_defaults(handler=lambda _arguments: parser.print_help() or 2)


def _add_settings(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="prosjektmappen")
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--participants", type=int, default=None,
                        help="forventet antall deltakere (størrelsen på kjernepoolen)")
    parser.add_argument("--database", default=None, help="verkstedbasen (SQLite-fil)")
    parser.add_argument("--token", default=None, help="tilgangsnøkkel deltakerne må ha")
    parser.add_argument("--public-url", default=None,
                        help="adressen deltakerne bruker, for lenken og QR-koden")
    parser.add_argument("--app-pool-size", type=int, default=None,
                        help="forhåndsstartede kjerner for hver av de andre app-sidene")
    parser.add_argument("--cull-idle-seconds", type=int, default=None,
                        help="stopp kjerner uten åpen fane etter så mange sekunder uten aktivitet")
    parser.add_argument("--cull-interval-seconds", type=int, default=None,
                        help="hvor ofte det ses etter kjerner å stoppe")
    parser.add_argument("--no-preheat", action="store_true",
                        help="ingen forhåndsstartede kjerner (bare for sammenligning)")


def config_from(arguments: argparse.Namespace) -> WorkshopConfig:
    settings = Config()
    chosen = {
        "port": arguments.port, "participants": arguments.participants,
        "database": arguments.database, "token": arguments.token,
        "public_url": arguments.public_url, "app_pool_size": arguments.app_pool_size,
        "cull_idle_seconds": arguments.cull_idle_seconds,
        "cull_interval_seconds": arguments.cull_interval_seconds,
    }
    for name, value in chosen.items():
        if value is not None:
            settings.WorkshopConfig[name] = value
    if getattr(arguments, "lan", False):
        settings.WorkshopConfig.ip = "0.0.0.0"
    if arguments.no_preheat:
        settings.WorkshopConfig.preheat = False
    return WorkshopConfig(config=settings)


def serve_command(config: WorkshopConfig, root: Path, config_dir: Path) -> tuple[list[str],
                                                                                  dict[str, str]]:
    """The Voilà command line and environment for ``config``; writes its ``voila.json``."""
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "voila.json").write_text(config.voila_json(), encoding="utf-8")
    database = config.database_path(root)
    open_store(database).close()  # create and migrate before thirty kernels open it at once
    environment = dict(os.environ)
    environment[ENVIRONMENT_VARIABLE] = str(database)
    if config.public_url:
        environment[PUBLIC_URL_VARIABLE] = config.public_url
    command = [sys.executable, "-m", "myndig.workshop_server", str(root / config.apps_dir),
               f"--Voila.config_file_paths={config_dir}"]
    return command, environment


def run_serve(arguments: argparse.Namespace) -> int:
    config = config_from(arguments)
    root = arguments.root.resolve()
    config_dir = (arguments.config_dir or root / ".myndig" / "voila").resolve()
    command, environment = serve_command(config, root, config_dir)
    if arguments.dry_run:
        print(" ".join(command))
        print(config.voila_json())
        return 0
    print(f"Verkstedet: http://{config.ip}:{config.port}/voila/render/fasilitator.ipynb "
          f"(deltakerne: …/deltaker.ipynb). Basen: {environment[ENVIRONMENT_VARIABLE]}",
          flush=True)
    os.execve(command[0], command, environment)
    return 0  # not reached: execve replaces this process


def run_new(arguments: argparse.Namespace) -> int:
    from myndig.model.errors import InvalidInput
    from myndig.model.workshop import WorkshopService

    database = WorkshopConfig(database=arguments.database).database_path(arguments.root.resolve())
    try:
        session = WorkshopService(open_store(database)).create(arguments.title)
    except InvalidInput as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Kode: {session.display_code}")
    print(f"Fasilitatornøkkel (hold den for deg selv): {session.key}")
    return 0


def run_config(arguments: argparse.Namespace) -> int:
    text = WorkshopConfig().voila_json()
    if arguments.write is None:
        print(text, end="")
    else:
        arguments.write.write_text(text, encoding="utf-8")
    return 0
