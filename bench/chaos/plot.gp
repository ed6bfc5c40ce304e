# The chaos run over time: gnuplot -e "out='bench/results/<date>-chaos'" bench/chaos/plot.gp
# Three panels on one time axis (seconds from the start of the load): answers per second (failed and
# stale ones too), p99 latency, RSS per replica; Partnero's fault phases shaded, events as dashed lines.
set terminal pngcairo size 1400,1000 font ",10"
set output out."/chaos.png"
set datafile separator "\t"
set multiplot layout 3,1 title "Chaos run: 3 replicas behind haproxy, one Redis, Partnero failing on schedule"
load out."/shading.gp"
set grid ytics

set key top right opaque font ",9"
set lmargin 10
set rmargin 4

load out."/labels.gp"
set ylabel "answers/s"
set yrange [0:*]
plot out."/timeline.tsv" using 1:2 with lines linewidth 1.5 linecolor rgb "#3a6ea5" title "answers/s", \
     "" using 1:5 with lines linewidth 1.2 linecolor rgb "#33a02c" title "stale/s", \
     "" using 1:4 with impulses linewidth 2 linecolor rgb "#e31a1c" title "failed/s"
unset label
load out."/shading.gp"

set ylabel "p99 ms (log)"
set logscale y
set yrange [*:*]
plot out."/timeline.tsv" using 1:3 with lines linewidth 1.5 linecolor rgb "#6a3d9a" title "p99 of the answers in each 2 s"
unset logscale y

set ylabel "RSS MiB"
set xlabel "seconds from the start of the load"
set yrange [0:*]
plot for [i = 2:4] out."/rss.tsv" using 1:i with lines linewidth 1.5 title sprintf("replica %d", i - 1)
unset multiplot
