set xrange [0:600]
set object 2 rect from 60.0, graph 0 to 100.0, graph 1 behind fillcolor rgb "#e41a1c" fillstyle transparent solid 0.18 noborder
set label 2 "5xx" at 80.0, graph 0.96 center font ",8"
set object 4 rect from 140.0, graph 0 to 180.0, graph 1 behind fillcolor rgb "#ff7f00" fillstyle transparent solid 0.18 noborder
set label 4 "latency" at 160.0, graph 0.96 center font ",8"
set object 6 rect from 220.0, graph 0 to 260.0, graph 1 behind fillcolor rgb "#984ea3" fillstyle transparent solid 0.18 noborder
set label 6 "reset" at 240.0, graph 0.96 center font ",8"
set object 8 rect from 300.0, graph 0 to 340.0, graph 1 behind fillcolor rgb "#4daf4a" fillstyle transparent solid 0.18 noborder
set label 8 "429" at 320.0, graph 0.96 center font ",8"
set object 10 rect from 380.0, graph 0 to 440.0, graph 1 behind fillcolor rgb "#555555" fillstyle transparent solid 0.18 noborder
set label 10 "outage" at 410.0, graph 0.96 center font ",8"
set object 12 rect from 480.0, graph 0 to 560.0, graph 1 behind fillcolor rgb "#a65628" fillstyle transparent solid 0.18 noborder
set label 12 "mixed" at 520.0, graph 0.96 center font ",8"
set arrow 1 from 105.0, graph 0 to 105.0, graph 1 nohead linecolor rgb "#1f78b4" dashtype 2
set arrow 2 from 120.2, graph 0 to 120.2, graph 1 nohead linecolor rgb "#1f78b4" dashtype 2
set arrow 3 from 150.0, graph 0 to 150.0, graph 1 nohead linecolor rgb "#1f78b4" dashtype 2
set arrow 4 from 155.3, graph 0 to 155.3, graph 1 nohead linecolor rgb "#1f78b4" dashtype 2
set arrow 5 from 185.1, graph 0 to 185.1, graph 1 nohead linecolor rgb "#1f78b4" dashtype 2
set arrow 6 from 190.0, graph 0 to 190.0, graph 1 nohead linecolor rgb "#1f78b4" dashtype 2
set arrow 7 from 265.1, graph 0 to 265.1, graph 1 nohead linecolor rgb "#1f78b4" dashtype 2
set arrow 8 from 270.2, graph 0 to 270.2, graph 1 nohead linecolor rgb "#1f78b4" dashtype 2
set arrow 9 from 490.0, graph 0 to 490.0, graph 1 nohead linecolor rgb "#1f78b4" dashtype 2
set arrow 10 from 510.1, graph 0 to 510.1, graph 1 nohead linecolor rgb "#1f78b4" dashtype 2
