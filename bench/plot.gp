# Plots of a bench/run.sh run: gnuplot -e "out='target/bench'" bench/plot.gp
set terminal pngcairo size 1100,520 font ",10"
set datafile separator "\t"

if (system("test -s ".out."/throughput.dat && grep -q . ".out."/throughput.dat && echo y") eq "y") {
    set output out."/throughput.png"
    set title "customers: requests/s per artifact and scenario (one core; higher is better)"
    set style data histograms
    set style fill solid 0.8 border -1
    set boxwidth 0.8
    set xtics rotate by -35 left
    set ylabel "requests/s (log scale)"
    set logscale y
    set grid ytics
    unset key
    plot out."/throughput.dat" using 2:xtic(1) linecolor rgb "#3a6ea5"
}

files = system("ls ".out."/soak-*.tsv 2>/dev/null")
if (strlen(files) > 0) {
    set output out."/soak.png"
    set title "10-minute soak: RSS (lines) and requests/s (points) every 10 s"
    unset logscale y
    set style data linespoints
    set xtics norotate
    set xlabel "seconds"
    set ylabel "RSS, MiB"
    set y2label "requests/s"
    set y2tics
    set ytics nomirror
    set key outside right
    plot for [f in files] f using 1:3 with lines linewidth 2 title "RSS ".substr(f, strlen(out) + 7, strlen(f) - 4), \
         for [f in files] f using 1:2 axes x1y2 with points pointtype 7 pointsize 0.5 title "req/s ".substr(f, strlen(out) + 7, strlen(f) - 4)
}
