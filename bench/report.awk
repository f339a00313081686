# Prints bench/run's table and one TARGET line per target from its results (tab-separated):
#   engine scale endpoint rps p50_ms p99_ms errors
#   PEER engine scale "wharf_p50_ms=… peer_p50_ms=… ratio=…"
#   START label first_200_ms idle_rss_mb
# Call with -F'\t' -v scales=10k,100k,… (in the order given to bench/run).
function verdict(ok) { return ok ? "MET" : "MISSED" }
function field(text, key,    n, parts, i, kv) {
    n = split(text, parts, " ")
    for (i = 1; i <= n; i++) { split(parts[i], kv, "="); if (kv[1] == key) return kv[2] }
    return ""
}
$1 == "START" { start[++starts] = $2; start_ms[$2] = $3; start_rss[$2] = $4; next }
$1 == "PEER" { peer[$2 "/" $3] = $4; if (!($2 in engines_seen_peer)) engines_seen_peer[$2] = 1; next }
{
    key = $1 "/" $2 "/" $3
    rows[++n] = key; rps[key] = $4; p50[key] = $5; p99[key] = $6; errors[key] = $7
    if (!($1 in seen)) { seen[$1] = 1; engines[++engine_count] = $1 }
}
END {
    scale_count = split(scales, scale_list, ",")
    printf "\n%-9s %-5s %-17s %10s %9s %9s %7s %9s\n", "engine", "scale", "endpoint", "req/s", "p50 ms", "p99 ms", "errors", "vs ping"
    for (i = 1; i <= n; i++) {
        split(rows[i], k, "/")
        ping = rps[k[1] "/" k[2] "/ping"]
        printf "%-9s %-5s %-17s %10d %9.2f %9.2f %7d %8.0f%%\n", k[1], k[2], k[3], rps[rows[i]], p50[rows[i]], p99[rows[i]], errors[rows[i]], (ping > 0 ? 100 * rps[rows[i]] / ping : 0)
    }
    if (starts > 0) {
        printf "\n%-36s %14s %12s\n", "start-up", "first 200 ms", "idle RSS MB"
        for (i = 1; i <= starts; i++) printf "%-36s %14d %12d\n", start[i], start_ms[start[i]], start_rss[start[i]]
    }
    printed_peer = 0
    for (e = 1; e <= engine_count; e++) for (s = 1; s <= scale_count; s++) {
        pk = engines[e] "/" scale_list[s]
        if (pk in peer) {
            if (!printed_peer++) printf "\n%-9s %-5s %14s %14s %8s\n", "engine", "scale", "wharf p50 ms", "peer p50 ms", "ratio"
            printf "%-9s %-5s %14s %14s %7sx\n", engines[e], scale_list[s], field(peer[pk], "wharf_p50_ms"), field(peer[pk], "peer_p50_ms"), field(peer[pk], "ratio")
        }
    }
    print ""
    split("warehouse_status running_activity total_rows_stats", endpoints, " ")
    first = scale_list[1]; last = scale_list[scale_count]
    for (e = 1; e <= engine_count; e++) {
        engine = engines[e]
        for (x = 1; x <= 3; x++) {
            ep = endpoints[x]; worst_ratio = -1; worst_p99 = 0; errs = 0; no_latency = 0
            for (s = 1; s <= scale_count; s++) {
                key = engine "/" scale_list[s] "/" ep; ping = rps[engine "/" scale_list[s] "/ping"]
                if (!(key in rps) || ping <= 0) continue
                ratio = rps[key] / ping
                if (worst_ratio < 0 || ratio < worst_ratio) worst_ratio = ratio
                if (p99[key] > worst_p99) worst_p99 = p99[key]
                if (p99[key] <= 0) no_latency = 1
                errs += errors[key]
            }
            if (worst_ratio < 0) continue
            printf "TARGET %s/%s/throughput_vs_ping measured=%.0f%% goal=>=50%% %s\n", engine, ep, 100 * worst_ratio, verdict(worst_ratio >= 0.5)
            # no latency at all means nothing answered: that is not a met target
            printf "TARGET %s/%s/p99 measured=%.1fms goal=<25ms %s\n", engine, ep, worst_p99, verdict(worst_p99 > 0 && worst_p99 < 25 && !no_latency)
            printf "TARGET %s/%s/errors measured=%d goal=0 %s\n", engine, ep, errs, verdict(errs == 0)
            if (ep != "warehouse_status" && scale_count > 1) {
                a = p50[engine "/" first "/" ep]; b = p50[engine "/" last "/" ep]
                if (a > 0 && b > 0)
                    printf "TARGET %s/%s/p50_%s_vs_%s measured=%.2fx goal=<=1.5x %s\n", engine, ep, last, first, b / a, verdict(b / a <= 1.5)
            }
        }
        # wrk repeats reads of an unchanged project, whose answer Wharf keeps; the whole read (QueryTiming) must scale too
        pf = engine "/" first; pk = engine "/" last
        if (scale_count > 1 && (pf in peer) && (pk in peer)) {
            a = field(peer[pf], "wharf_p50_ms") + 0; b = field(peer[pk], "wharf_p50_ms") + 0
            if (a > 0 && b > 0)
                printf "TARGET %s/total_rows_stats/unkept_read_p50_%s_vs_%s measured=%.2fx goal=<=1.5x %s\n", engine, last, first, b / a, verdict(b / a <= 1.5)
        }
        if (pk in peer)
            printf "TARGET %s/total_rows_stats/vs_reference_reads_%s measured=%sx goal=>=20x %s\n", engine, last, field(peer[pk], "ratio"), verdict(field(peer[pk], "ratio") + 0 >= 20)
    }
    for (i = 1; i <= starts; i++) {
        if (start[i] !~ /^dev/) continue
        label = start[i]; gsub(/[ ()]+/, "_", label); sub(/_$/, "", label)
        printf "TARGET %s/first_200 measured=%.2fs goal=<3s %s\n", label, start_ms[start[i]] / 1000, verdict(start_ms[start[i]] < 3000)
        printf "TARGET %s/idle_rss measured=%dMB goal=<250MB %s\n", label, start_rss[start[i]], verdict(start_rss[start[i]] < 250)
    }
}
