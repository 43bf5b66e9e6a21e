from zzreview.cli import main

main()
