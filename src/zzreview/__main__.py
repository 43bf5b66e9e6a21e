from zzreview.launch import main

main()
