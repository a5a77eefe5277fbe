from dvc_tui.cli import main

raise SystemExit(main())
