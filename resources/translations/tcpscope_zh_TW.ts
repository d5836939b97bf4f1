<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About tcpscope</source>
        <translation>關於 tcpscope</translation>
    </message>
    <message>
        <source>&lt;h2&gt;tcpscope %1&lt;/h2&gt;&lt;p&gt;TCP connection states, live: the RFC 793 state diagram with sockets moving through it, per-state counts over time, the kernel tunables that shape them, and lessons on TCP teardown.&lt;/p&gt;&lt;p&gt;Copyright &amp;copy; 2026 The tcpscope developers. Released under the MIT licence (the LICENSE file in the source distribution).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Documentation&lt;/b&gt; (in the source distribution): README.md for the command line and JSON output; docs/remote-and-replay.md (SSH, agent, record and replay); docs/stream-format.md; docs/advisories.md (advisor rules); docs/trainers.md (lessons and the live lab); docs/performance.md.&lt;/p&gt;&lt;p&gt;&lt;b&gt;References&lt;/b&gt;: &lt;a href=&apos;https://www.rfc-editor.org/rfc/rfc9293&apos;&gt;RFC 9293&lt;/a&gt; (TCP), &lt;a href=&apos;https://www.rfc-editor.org/rfc/rfc1337&apos;&gt;RFC 1337&lt;/a&gt; (TIME-WAIT hazards), &lt;a href=&apos;https://man7.org/linux/man-pages/man7/tcp.7.html&apos;&gt;tcp(7)&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;tcpscope %1&lt;/h2&gt;&lt;p&gt;即時呈現 TCP 連線狀態：通訊端在 RFC 793 狀態圖中移動、各狀態數量隨時間的變化、影響這些狀態的核心可調參數，以及 TCP 連線終止的課程。&lt;/p&gt;&lt;p&gt;Copyright &amp;copy; 2026 The tcpscope developers. 以 MIT 授權條款釋出（詳見原始碼發行版中的 LICENSE 檔案）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;文件&lt;/b&gt;（位於原始碼發行版中）：README.md 說明命令列與 JSON 輸出；docs/remote-and-replay.md（SSH、agent、錄製與重播）；docs/stream-format.md；docs/advisories.md（診斷建議規則）；docs/trainers.md（課程與即時實驗）；docs/performance.md。&lt;/p&gt;&lt;p&gt;&lt;b&gt;參考資料&lt;/b&gt;：&lt;a href=&apos;https://www.rfc-editor.org/rfc/rfc9293&apos;&gt;RFC 9293&lt;/a&gt;（TCP）、&lt;a href=&apos;https://www.rfc-editor.org/rfc/rfc1337&apos;&gt;RFC 1337&lt;/a&gt;（TIME-WAIT 的風險）、&lt;a href=&apos;https://man7.org/linux/man-pages/man7/tcp.7.html&apos;&gt;tcp(7)&lt;/a&gt;。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Advisor</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (%2 -&gt; %3)</source>
        <translation>%1（%2 -&gt; %3）</translation>
    </message>
    <message>
        <source>tcp_tw_recycle is enabled</source>
        <translation>tcp_tw_recycle 已啟用</translation>
    </message>
    <message>
        <source>net.ipv4.tcp_tw_recycle = %1 on kernel %2</source>
        <translation>核心 %2 上 net.ipv4.tcp_tw_recycle = %1</translation>
    </message>
    <message>
        <source>Recycling remembers the last TCP timestamp seen from each remote host and, for 60 s, silently drops SYNs from that host that carry an older one (TcpExt.PAWSPassive counts them). Clients behind one NAT, or with per-connection timestamp offsets (Linux 4.10), have unrelated clocks, so many of their connection attempts vanish without an error. Linux removed the option in 4.12.</source>
        <translation>回收功能會記住從每個遠端主機收到的最後一個 TCP 時間戳記，並在 60 s 內默默丟棄該主機送來、帶有較舊時間戳記的 SYN（TcpExt.PAWSPassive 會計數）。位於同一個 NAT 後面的用戶端，或使用每條連線各自時間戳記偏移（Linux 4.10）的用戶端，彼此的時鐘毫無關聯，因此許多連線嘗試會在沒有任何錯誤的情況下消失。Linux 在 4.12 移除了這個選項。</translation>
    </message>
    <message>
        <source>Set net.ipv4.tcp_tw_recycle = 0. If TIME_WAIT is a real problem, add 4-tuples instead (wider ip_local_port_range, more server ports or addresses) or let the server close first.</source>
        <translation>設定 net.ipv4.tcp_tw_recycle = 0。如果 TIME_WAIT 真的造成問題，請改為增加四元組（更寬的 ip_local_port_range、更多伺服器埠或位址），或讓伺服器先關閉。</translation>
    </message>
    <message>
        <source>tcp_tw_reuse is on, but every TIME_WAIT socket is on an incoming connection</source>
        <translation>tcp_tw_reuse 已開啟，但每個 TIME_WAIT 通訊端都屬於連入的連線</translation>
    </message>
    <message>
        <source>tcp_tw_reuse = 1; %1 of %1 TIME_WAIT sockets have a listening local port (%2)</source>
        <translation>tcp_tw_reuse = 1；%1 個 TIME_WAIT 通訊端中有 %1 個的本地埠正在監聽（%2）</translation>
    </message>
    <message>
        <source>tcp_tw_reuse only acts when this host calls connect() and the kernel picks a 4-tuple still held by TIME_WAIT, and only if both ends sent TCP timestamps on the old connection. These sockets belong to connections clients opened to this host, so the setting changes nothing for them; they still last the fixed 60 s.</source>
        <translation>tcp_tw_reuse 只在本機呼叫 connect()、且核心選到仍被 TIME_WAIT 占用的四元組時才會作用，而且舊連線的兩端都必須送過 TCP 時間戳記。這些通訊端屬於用戶端連到本機的連線，所以這個設定對它們毫無影響；它們仍然維持固定的 60 s。</translation>
    </message>
    <message>
        <source>Nothing to gain here: server-side TIME_WAIT uses no ephemeral ports and little memory. Set it back to the default 2 if it was changed hoping to clear these sockets.</source>
        <translation>這裡沒有好處可得：伺服器端的 TIME_WAIT 不占用臨時埠，記憶體也用得很少。如果當初是為了清掉這些通訊端才改的，請改回預設值 2。</translation>
    </message>
    <message>
        <source>tcp_tw_reuse cannot work: TCP timestamps are off</source>
        <translation>tcp_tw_reuse 無法作用：TCP 時間戳記已關閉</translation>
    </message>
    <message>
        <source>net.ipv4.tcp_tw_reuse = %1, net.ipv4.tcp_timestamps = 0</source>
        <translation>net.ipv4.tcp_tw_reuse = %1，net.ipv4.tcp_timestamps = 0</translation>
    </message>
    <message>
        <source>The kernel reuses a TIME_WAIT 4-tuple only if the old connection carried timestamps from both ends (the TIME_WAIT socket must hold the peer&apos;s last timestamp), so that PAWS can reject its delayed segments. With timestamps off here no connection negotiates them, and reuse never happens: outgoing connections wait the full 60 s for each 4-tuple.</source>
        <translation>只有當舊連線的兩端都帶有時間戳記（TIME_WAIT 通訊端必須保有對端最後的時間戳記）時，核心才會重用 TIME_WAIT 的四元組，這樣 PAWS 才能拒絕舊連線延遲抵達的區段。本機關閉時間戳記後，沒有任何連線會協商使用它，重用也就永遠不會發生：連出的連線每個四元組都要等滿 60 s。</translation>
    </message>
    <message>
        <source>TIME_WAIT sockets near tcp_max_tw_buckets</source>
        <translation>TIME_WAIT 通訊端接近 tcp_max_tw_buckets</translation>
    </message>
    <message>
        <source>%1 timewait sockets of a maximum %2 (%3)</source>
        <translation>timewait 通訊端 %1 個，上限 %2 個（%3）</translation>
    </message>
    <message>
        <source>At the limit the kernel stops creating TIME_WAIT sockets: a closing connection simply disappears and TCPTimeWaitOverflow counts it (nstat -az TcpExtTCPTimeWaitOverflow). Those connections lose the protection TIME_WAIT gives against a lost last ACK and old duplicate segments.</source>
        <translation>到達上限時，核心不再建立 TIME_WAIT 通訊端：正在關閉的連線直接消失，並由 TCPTimeWaitOverflow 計數（nstat -az TcpExtTCPTimeWaitOverflow）。這些連線失去了 TIME_WAIT 提供的保護，無法應付遺失的最後一個 ACK 與舊的重複區段。</translation>
    </message>
    <message>
        <source>Find who closes first (see the diagram&apos;s TIME_WAIT sockets). Raising tcp_max_tw_buckets is cheap (a 256-byte tw_sock_TCP slab object per socket, plus a 64-byte bind bucket for an outbound connection); reducing connection churn (keep-alive, pooling) is better.</source>
        <translation>找出誰先關閉（看圖中的 TIME_WAIT 通訊端）。調高 tcp_max_tw_buckets 的代價很低（每個通訊端一個 256 位元組的 tw_sock_TCP slab 物件，連出的連線再加一個 64 位元組的 bind bucket）；減少連線的頻繁建立與關閉（keep-alive、連線池）更好。</translation>
    </message>
    <message>
        <source>Ephemeral ports of %1 are %2 used, for all destinations together</source>
        <translation>%1 的臨時埠已用掉 %2（所有目的地共用）</translation>
    </message>
    <message>
        <source>Ephemeral ports toward %1 are %2 used</source>
        <translation>連往 %1 的臨時埠已用掉 %2</translation>
    </message>
    <message>
        <source>range %1-%2: %3 usable ports per %6 (%4 reserved, %5 held by listeners)</source>
        <translation>範圍 %1-%2：每個%6可用 %3 個埠（保留 %4 個，監聽通訊端占用 %5 個）</translation>
    </message>
    <message>
        <source>local address, shared by every destination</source>
        <translation>本地位址（所有目的地共用）</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>%1 -&gt; %2: %3 sockets (%4)</source>
        <translation>%1 -&gt; %2：%3 個通訊端（%4）</translation>
    </message>
    <message>
        <source>any destination</source>
        <translation>任何目的地</translation>
    </message>
    <message>
        <source>macOS gives each connect() a local port that is unique for its local address whatever the destination, so all outgoing connections from one address share net.inet.ip.portrange.first-last, and TIME_WAIT keeps a port for %1 s after close. When all are taken, connect() fails with EADDRNOTAVAIL. Linux and FreeBSD 13 or later count ports per destination instead.</source>
        <translation>macOS 給每個 connect() 的本地埠，不論目的地為何，在其本地位址上都是唯一的，所以同一個位址連出的所有連線共用 net.inet.ip.portrange.first-last，而 TIME_WAIT 在關閉後還會占住埠 %1 s。全部用完時，connect() 以 EADDRNOTAVAIL 失敗。Linux 與 FreeBSD 13 以後則是按目的地分別計算埠。</translation>
    </message>
    <message>
        <source>Reuse connections (keep-alive, pools), widen net.inet.ip.portrange.first-last, or use more source addresses. More destination ports or addresses do not help here.</source>
        <translation>重用連線（keep-alive、連線池）、放寬 net.inet.ip.portrange.first-last，或使用更多來源位址。在這裡增加目的地埠或位址沒有幫助。</translation>
    </message>
    <message>
        <source>Each outgoing connection to the same remote address and port needs its own local port from ip_local_port_range, and TIME_WAIT keeps the port for 60 s after close. When all are taken, connect() fails with EADDRNOTAVAIL. Without reuse the steady limit is about capacity / 60 s new connections per second to that destination.</source>
        <translation>每條連往同一個遠端位址與埠的連出連線，都需要從 ip_local_port_range 取得自己的本地埠，而 TIME_WAIT 在關閉後還會占住該埠 60 s。全部用完時，connect() 以 EADDRNOTAVAIL 失敗。沒有重用時，連往該目的地的穩定上限約為每秒 容量 / 60 s 條新連線。</translation>
    </message>
    <message>
        <source>Accept queues overflowed %1 times in %2</source>
        <translation>%2 內接受佇列溢位 %1 次</translation>
    </message>
    <message>
        <source>Accept queue of port %1 overflowed (%2 times in %3)</source>
        <translation>埠 %1 的接受佇列溢位（%3 內 %2 次）</translation>
    </message>
    <message>
        <source>TcpExt.ListenOverflows +%1, TcpExt.ListenDrops +%2 in %3</source>
        <translation>%3 內 TcpExt.ListenOverflows +%1，TcpExt.ListenDrops +%2</translation>
    </message>
    <message>
        <source>listening on %1: Recv-Q %2 (connections waiting for accept())</source>
        <translation>監聽 %1：Recv-Q %2（等待 accept() 的連線）</translation>
    </message>
    <message>
        <source>no listener has connections waiting now</source>
        <translation>目前沒有監聽通訊端有等待中的連線</translation>
    </message>
    <message>
        <source>A listener&apos;s accept queue holds connections whose handshake is complete until the program calls accept(). While it is full, Linux drops an arriving SYN, and drops the handshake&apos;s last ACK (or answers it with RST when net.ipv4.tcp_abort_on_overflow = 1). Clients see connect delays of seconds: a dropped SYN is sent again after 1 s, then after 2 s, 4 s and so on; a client whose last ACK was dropped already counts itself connected and waits for the server&apos;s SYN/ACK retransmission.</source>
        <translation>監聽通訊端的接受佇列（accept queue）存放已完成交握的連線，直到應用程式呼叫 accept()。佇列滿的時候，Linux 會丟棄抵達的 SYN，也會丟棄交握的最後一個 ACK（net.ipv4.tcp_abort_on_overflow = 1 時則以 RST 回應）。用戶端會看到長達數秒的連線延遲：被丟棄的 SYN 在 1 s 後重送，接著隔 2 s、4 s，依此類推；最後一個 ACK 被丟棄的用戶端已認定自己連上了，會一直等到伺服器重傳 SYN/ACK。</translation>
    </message>
    <message>
        <source>The program must accept() faster (more workers, no slow work between accept() calls), or raise both its listen() backlog and net.core.somaxconn: the kernel uses the smaller of the two, taken when listen() is called. ss -ltn shows each listener&apos;s accept queue (Recv-Q) and backlog (Send-Q).</source>
        <translation>應用程式必須更快地 accept()（更多工作者、兩次 accept() 之間不做耗時的工作），或同時調高它的 listen() backlog 與 net.core.somaxconn：核心取兩者中較小的值，在呼叫 listen() 時決定。ss -ltn 會顯示每個監聽通訊端的接受佇列（Recv-Q）與 backlog（Send-Q）。</translation>
    </message>
    <message>
        <source>The server closes first: %1 TIME_WAIT sockets on listening port %2</source>
        <translation>伺服器先關閉：監聽埠 %2 上有 %1 個 TIME_WAIT 通訊端</translation>
    </message>
    <message>
        <source>TIME_WAIT on listening ports: %1</source>
        <translation>監聽埠上的 TIME_WAIT：%1</translation>
    </message>
    <message>
        <source>TIME_WAIT stays on the side that closes first. Here the server closes (HTTP/1.0, Connection: close, idle timeouts), so it holds TIME_WAIT for 60 s per connection. That is usually fine: it uses no ephemeral ports, each costs a 256-byte tw_sock_TCP slab object, and Linux still accepts a new SYN on the same 4-tuple whose sequence number or timestamp is higher than the old connection&apos;s.</source>
        <translation>TIME_WAIT 留在先關閉的一方。這裡是伺服器先關閉（HTTP/1.0、Connection: close、閒置逾時），所以每條連線它都要保持 TIME_WAIT 60 s。這通常沒問題：它不占用臨時埠，每個只花一個 256 位元組的 tw_sock_TCP slab 物件，而且同一個四元組上序號或時間戳記比舊連線高的新 SYN，Linux 仍會接受。</translation>
    </message>
    <message>
        <source>Usually nothing. If the count grows toward tcp_max_tw_buckets, keep connections alive longer. tcp_tw_reuse does not apply to these sockets.</source>
        <translation>通常不需處理。如果數量逐漸接近 tcp_max_tw_buckets，請讓連線保持更久。tcp_tw_reuse 對這些通訊端不適用。</translation>
    </message>
    <message>
        <source>CLOSE_WAIT sockets are ageing</source>
        <translation>CLOSE_WAIT 通訊端停留過久</translation>
    </message>
    <message>
        <source>%1 sockets in CLOSE_WAIT</source>
        <translation>%1 個通訊端處於 CLOSE_WAIT</translation>
    </message>
    <message>
        <source>%1 CLOSE_WAIT sockets; local ports: %2</source>
        <translation>%1 個 CLOSE_WAIT 通訊端；本地埠：%2</translation>
    </message>
    <message>
        <source>oldest: %1</source>
        <translation>最久：%1</translation>
    </message>
    <message>
        <source>The peer has closed its side and the kernel has acknowledged it; the socket now waits for the program on this host to call close(). No timer ends CLOSE_WAIT by itself (keepalive, if the program set SO_KEEPALIVE, only ends one whose peer has vanished), so sockets that pile up or age mean a program that leaks them (a missed close on an error path, a stuck worker).</source>
        <translation>對端已關閉它那一側，核心也已確認；通訊端現在等待本機的應用程式呼叫 close()。沒有任何計時器會自行結束 CLOSE_WAIT（應用程式設了 SO_KEEPALIVE 時，keepalive 也只會結束對端已消失的通訊端），所以通訊端堆積或停留過久，表示有應用程式洩漏了它們（錯誤處理路徑漏了 close、卡住的工作者）。</translation>
    </message>
    <message>
        <source>Find the owner: ss -tanp state close-wait. Fix the program so it closes sockets when read() returns 0; restarting it frees them meanwhile.</source>
        <translation>找出擁有者：ss -tanp state close-wait。修正應用程式，讓它在 read() 回傳 0 時關閉通訊端；在那之前，重新啟動它可以釋放這些通訊端。</translation>
    </message>
    <message>
        <source>%1 sockets in FIN_WAIT2: peers are not closing</source>
        <translation>%1 個通訊端處於 FIN_WAIT2：對端沒有關閉</translation>
    </message>
    <message>
        <source>%1 FIN_WAIT_2 sockets; net.inet.tcp.fast_finwait2_recycle = %2, net.inet.tcp.finwait2_timeout = %3</source>
        <translation>%1 個 FIN_WAIT_2 通訊端；net.inet.tcp.fast_finwait2_recycle = %2，net.inet.tcp.finwait2_timeout = %3</translation>
    </message>
    <message>
        <source>This host sent its FIN and the peer acknowledged it, but the peer has not sent its own FIN. On FreeBSD such a socket, once its receive side is closed, is dropped after net.inet.tcp.finwait2_timeout when net.inet.tcp.fast_finwait2_recycle is 1. Otherwise the 2MSL timer still drops it once it has been idle for TP_MAXIDLE (8 x 75 s = 10 min); one that keeps receiving data waits for the peer.</source>
        <translation>本機已送出 FIN，對端也確認了，但對端還沒送出自己的 FIN。在 FreeBSD 上，當 net.inet.tcp.fast_finwait2_recycle 為 1 時，這種通訊端在接收端關閉後，會在 net.inet.tcp.finwait2_timeout 之後被丟棄。否則 2MSL 計時器仍會在它閒置 TP_MAXIDLE（8 x 75 s = 10 min）後將它丟棄；持續收到資料的通訊端則會一直等待對端。</translation>
    </message>
    <message>
        <source>Look at the peers (remote addresses in the table): a client or proxy that never closes. Setting net.inet.tcp.fast_finwait2_recycle=1 frees them sooner; it does not change TIME_WAIT (2 x net.inet.tcp.msl).</source>
        <translation>檢查對端（表格中的遠端位址）：某個從不關閉的用戶端或代理伺服器。設定 net.inet.tcp.fast_finwait2_recycle=1 可以更快釋放它們；這不會改變 TIME_WAIT（2 x net.inet.tcp.msl）。</translation>
    </message>
    <message>
        <source>%1 FIN_WAIT2 sockets: %2 orphaned (closed here, expire after tcp_fin_timeout = %3 s), %4 still held by a program</source>
        <translation>%1 個 FIN_WAIT2 通訊端：%2 個是孤兒通訊端（已在本機關閉，tcp_fin_timeout = %3 s 後到期），%4 個仍由應用程式持有</translation>
    </message>
    <message>
        <source>This host sent its FIN and the peer acknowledged it, but the peer has not sent its own FIN. Orphaned sockets are dropped after tcp_fin_timeout; sockets a program still holds (after shutdown()) wait as long as the program and the peer do.</source>
        <translation>本機已送出 FIN，對端也確認了，但對端還沒送出自己的 FIN。孤兒通訊端會在 tcp_fin_timeout 之後被丟棄；應用程式仍持有的通訊端（shutdown() 之後）則會一直等，等多久取決於應用程式與對端。</translation>
    </message>
    <message>
        <source>Look at the peers (remote addresses in the diagram): a client or proxy that never closes. Lowering tcp_fin_timeout frees orphans sooner; it does not change TIME_WAIT.</source>
        <translation>檢查對端（圖中的遠端位址）：某個從不關閉的用戶端或代理伺服器。調低 tcp_fin_timeout 可以更快釋放孤兒通訊端；這不會改變 TIME_WAIT。</translation>
    </message>
    <message>
        <source>Set net.ipv4.tcp_timestamps = 1 (the default); the peers must send timestamps too: Windows does not by default, so look for a TSval in the peer&apos;s SYN,ACK. Otherwise widen ip_local_port_range instead of counting on reuse.</source>
        <translation>設定 net.ipv4.tcp_timestamps = 1（預設值）；對端也必須送出時間戳記：Windows 預設不送，所以請檢查對端的 SYN,ACK 是否帶有 TSval。否則請放寬 ip_local_port_range，不要指望重用。</translation>
    </message>
    <message>
        <source>Reuse connections (keep-alive, pools). Widen ip_local_port_range, spread over more destination ports or addresses, or use more source addresses. tcp_tw_reuse = 1 helps outgoing connections if both ends send TCP timestamps (Windows does not by default: look for a TSval in its SYN,ACK). Do not bind() before connect(): bind() picks a port without knowing the destination, and a port held by bind() is skipped by connect() for every destination. To choose a source address, set IP_BIND_ADDRESS_NO_PORT (Linux 4.2) before bind() so that connect() picks the port; IP_LOCAL_PORT_RANGE (Linux 6.3) narrows the range for one socket.</source>
        <translation>重用連線（keep-alive、連線池）。放寬 ip_local_port_range、分散到更多目的地埠或位址，或使用更多來源位址。如果兩端都送出 TCP 時間戳記（Windows 預設不送：請檢查它的 SYN,ACK 是否帶有 TSval），tcp_tw_reuse = 1 對連出的連線有幫助。不要在 connect() 之前 bind()：bind() 選埠時還不知道目的地，而被 bind() 占住的埠，connect() 對任何目的地都會跳過。若要指定來源位址，請在 bind() 之前設定 IP_BIND_ADDRESS_NO_PORT（Linux 4.2），讓 connect() 來選埠；IP_LOCAL_PORT_RANGE（Linux 6.3）可替單一通訊端縮小範圍。</translation>
    </message>
    <message>
        <source>owners unknown: %1</source>
        <translation>擁有者不明：%1</translation>
    </message>
    <message>
        <source>%1 of them with no known owner: %2</source>
        <translation>其中 %1 個的擁有者不明：%2</translation>
    </message>
    <message>
        <source>%1 (pid %2): %3 %4 sockets (remembered: they were %1&apos;s when last owned)</source>
        <translation>%1（pid %2）：%3 個 %4 通訊端（記住的擁有者：最後一次有擁有者時，它們屬於 %1）</translation>
    </message>
    <message>
        <source>%1 (pid %2) holds %3 %4 sockets, the oldest for %5</source>
        <translation>%1（pid %2）持有 %3 個 %4 通訊端，最久的已停留 %5</translation>
    </message>
    <message>
        <source>%1 (pid %2) holds %3 %4 sockets</source>
        <translation>%1（pid %2）持有 %3 個 %4 通訊端</translation>
    </message>
    <message>
        <source>no process holds them any more (inode 0), and none was seen holding them before</source>
        <translation>已沒有行程持有它們（inode 0），之前也沒看到有行程持有它們</translation>
    </message>
    <message>
        <source>no process holds them any more (inode 0); the live view names the process that held them before they closed</source>
        <translation>已沒有行程持有它們（inode 0）；即時檢視會列出它們關閉前持有它們的行程</translation>
    </message>
    <message>
        <source>%1 sockets of other users: run as root or through the agent</source>
        <translation>%1 個通訊端屬於其他使用者：請以 root 或透過代理程式執行</translation>
    </message>
    <message>
        <source>%1 sockets held by no process this scan could read (closed since, or in another PID namespace)</source>
        <translation>%1 個通訊端不屬於這次掃描能讀取的任何行程（之後已關閉，或在另一個 PID 命名空間）</translation>
    </message>
    <message>
        <source>%1 sockets new since the last scan</source>
        <translation>%1 個通訊端是上次掃描之後才出現的</translation>
    </message>
    <message>
        <source>not seen by an owner scan yet</source>
        <translation>擁有者掃描尚未看到它們</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1（pid %2）</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>對外</translation>
    </message>
    <message>
        <source>Fix %1 so that it closes a socket when read() returns 0; restarting it frees them meanwhile.</source>
        <translation>修正 %1，讓它在 read() 回傳 0 時關閉通訊端；在那之前，重新啟動它可以釋放這些通訊端。</translation>
    </message>
    <message>
        <source>%1 (pid %2) holds %3 %4 sockets, the oldest for at least %5</source>
        <translation>%1（pid %2）持有 %3 個 %4 通訊端，最久的已停留至少 %5</translation>
    </message>
</context>
<context>
    <name>AdvisorPanel</name>
    <message>
        <source>No findings: nothing here matches a rule the advisor knows.</source>
        <translation>沒有發現問題：目前沒有符合任何診斷規則的情況。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; finding(s): %2 critical, %3 warning</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 項診斷：%2 項嚴重，%3 項警告</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#666&apos;&gt;Findings appear here with their evidence and what to do.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#666&apos;&gt;診斷出的問題會連同證據與處理方式顯示在這裡。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>證據</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>為什麼重要</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>該怎麼做</translation>
    </message>
    <message>
        <source>Show %1 in the diagram</source>
        <translation>在狀態圖中顯示 %1</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>嚴重</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>資訊</translation>
    </message>
</context>
<context>
    <name>BsdFileSource</name>
    <message>
        <source>netstat file %1</source>
        <translation>netstat 檔案 %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>cannot read: </source>
        <translation>無法讀取：</translation>
    </message>
</context>
<context>
    <name>BsdNetstatParser</name>
    <message>
        <source>no host.port in &quot;%1&quot;</source>
        <translation>「%1」中沒有 host.port</translation>
    </message>
    <message>
        <source>port &quot;%1&quot; is a service name: run netstat with -n</source>
        <translation>埠「%1」是服務名稱：請以 -n 執行 netstat</translation>
    </message>
    <message>
        <source>bad port &quot;%1&quot;</source>
        <translation>無效的埠「%1」</translation>
    </message>
    <message>
        <source>IPv6 address on a tcp4 row</source>
        <translation>tcp4 列上出現 IPv6 位址</translation>
    </message>
    <message>
        <source>bad IPv6 address &quot;%1&quot;</source>
        <translation>無效的 IPv6 位址「%1」</translation>
    </message>
    <message>
        <source>host &quot;%1&quot; is not a numeric address: run netstat with -n</source>
        <translation>主機「%1」不是數字位址：請以 -n 執行 netstat</translation>
    </message>
    <message>
        <source>expected 6 fields, found %1</source>
        <translation>應有 6 個欄位，實際有 %1 個</translation>
    </message>
    <message>
        <source>unknown protocol &quot;%1&quot;</source>
        <translation>未知的協定「%1」</translation>
    </message>
    <message>
        <source>bad Recv-Q or Send-Q</source>
        <translation>無效的 Recv-Q 或 Send-Q</translation>
    </message>
    <message>
        <source>local address: </source>
        <translation>本機位址：</translation>
    </message>
    <message>
        <source>foreign address: </source>
        <translation>遠端位址：</translation>
    </message>
    <message>
        <source>unknown state &quot;%1&quot;</source>
        <translation>未知的狀態「%1」</translation>
    </message>
    <message>
        <source>netstat says the socket list changed while it was read</source>
        <translation>netstat 表示通訊端清單在讀取期間有變動</translation>
    </message>
    <message>
        <source>%1 row(s) have IPv6 hosts netstat may have cut to %2 characters; the missing groups are stored as zero (run netstat with -W on FreeBSD, -l on macOS)</source>
        <translation>有 %1 列的 IPv6 主機可能被 netstat 截斷為 %2 個字元；缺少的群組以零儲存（FreeBSD 請以 -W、macOS 請以 -l 執行 netstat）</translation>
    </message>
    <message>
        <source>line too long (%1 bytes), skipped</source>
        <translation>行太長（%1 位元組），已略過</translation>
    </message>
    <message>
        <source>not a netstat row</source>
        <translation>不是 netstat 的資料列</translation>
    </message>
    <message>
        <source>more than %1 sockets: the rest of the input is ignored</source>
        <translation>超過 %1 個通訊端：其餘輸入已忽略</translation>
    </message>
</context>
<context>
    <name>BsdSnapshot</name>
    <message>
        <source>empty netstat output</source>
        <translation>netstat 輸出是空的</translation>
    </message>
    <message>
        <source>no uname output; assuming %1 from the netstat layout</source>
        <translation>沒有 uname 輸出；依 netstat 的版面假定為 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not FreeBSD or Darwin; read as %2</source>
        <translation>「%1」不是 FreeBSD 或 Darwin；以 %2 讀取</translation>
    </message>
</context>
<context>
    <name>BsdSource</name>
    <message>
        <source>%1 did not finish: %2</source>
        <translation>%1 未執行完成：%2</translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation>%1 當掉了</translation>
    </message>
    <message>
        <source>this host (netstat)</source>
        <translation>本機（netstat）</translation>
    </message>
</context>
<context>
    <name>ChartExportButton</name>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Chart as PNG...</source>
        <translation>圖表存為 PNG...</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 影像 (*.png)</translation>
    </message>
    <message>
        <source>Chart as SVG...</source>
        <translation>圖表存為 SVG...</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 影像 (*.svg)</translation>
    </message>
    <message>
        <source>History as CSV...</source>
        <translation>歷史存為 CSV...</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>無法寫入 %1</translation>
    </message>
    <message>
        <source>tcpscope: TCP states over time</source>
        <translation>tcpscope：TCP 狀態隨時間變化</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小時</translation>
    </message>
    <message>
        <source>time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>sockets</source>
        <translation>通訊端</translation>
    </message>
    <message>
        <source>sockets (log)</source>
        <translation>通訊端（對數）</translation>
    </message>
    <message>
        <source>Scroll back in the history (pauses the live view)</source>
        <translation>捲動回顧歷史（會暫停即時檢視）</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>折線</translation>
    </message>
    <message>
        <source>Stacked areas</source>
        <translation>堆疊面積</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>對數刻度</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>Freeze the view; the history keeps recording</source>
        <translation>凍結檢視；歷史仍持續記錄</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>時間範圍</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>appeared: %1</source>
        <translation>出現：%1</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>速率</translation>
    </message>
    <message>
        <source>Transitions per second beside the counts: connections opened, entries into TIME_WAIT, closes (exact with eBPF events, else inferred from the polls)</source>
        <translation>在數量旁顯示每秒轉換次數：開啟的連線、進入 TIME_WAIT、關閉（有 eBPF 事件時為精確值，否則由輪詢推測）</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Watch a server over SSH</source>
        <translation>透過 SSH 監看伺服器</translation>
    </message>
    <message>
        <source>user@host:port</source>
        <translation>使用者@主機:埠</translation>
    </message>
    <message>
        <source>~/.ssh/config (default)</source>
        <translation>~/.ssh/config（預設）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>Uses your ssh client, keys, agent and known_hosts. Nothing is installed on the server: a small sh loop reads /proc there and stops when you disconnect.</source>
        <translation>使用您的 ssh 用戶端、金鑰、代理程式與 known_hosts。伺服器上不會安裝任何東西：一個小小的 sh 迴圈在那裡讀取 /proc，並在您中斷連線時停止。</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主機(&amp;H)：</translation>
    </message>
    <message>
        <source>ssh config:</source>
        <translation>ssh 設定檔：</translation>
    </message>
    <message>
        <source>ssh config file</source>
        <translation>ssh 設定檔</translation>
    </message>
    <message>
        <source>Enter a host, e.g. admin@db1 or db1:2222</source>
        <translation>請輸入主機，例如 admin@db1 或 db1:2222</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1：沒有此檔案</translation>
    </message>
    <message>
        <source>&amp;Compress the link (ssh -C): for a slow link, costs some CPU</source>
        <translation>壓縮連結（ssh -C）(&amp;C)：適合慢速連結，會多用一些 CPU</translation>
    </message>
</context>
<context>
    <name>ConnectionTableModel</name>
    <message>
        <source>Family</source>
        <translation>位址家族</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本機</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>遠端</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>In state</source>
        <translation>停留時間</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>計時器</translation>
    </message>
    <message>
        <source>Timer left</source>
        <translation>剩餘時間</translation>
    </message>
    <message>
        <source>Send-Q</source>
        <translation>Send-Q</translation>
    </message>
    <message>
        <source>Recv-Q</source>
        <translation>Recv-Q</translation>
    </message>
    <message>
        <source>Retrans</source>
        <translation>重傳</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Inode</source>
        <translation>Inode</translation>
    </message>
    <message>
        <source>The kernel timer, named as ss -o prints it: on (retransmit, also RACK reordering and tail-loss probe), keepalive, timewait, persist (zero-window probe)</source>
        <translation>核心計時器，名稱與 ss -o 顯示的相同：on（重傳，也包括 RACK 重排序與尾部遺失探測）、keepalive、timewait、persist（零視窗探測）</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>使用者：%1</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>單元：%1</translation>
    </message>
    <message>
        <source>Remembered: this process held the socket before it was closed</source>
        <translation>記憶的擁有者：此行程在通訊端關閉前持有它</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>In this state when tcpscope started watching: at least this long, maybe much longer.</source>
        <translation>tcpscope 開始觀察時已在此狀態：至少這麼久，可能更久。</translation>
    </message>
    <message>
        <source>From the kernel&apos;s TIME_WAIT timer: 60 s (TCP_TIMEWAIT_LEN) minus the time left. A retransmitted FIN restarts the timer, so it may have been longer.</source>
        <translation>由核心的 TIME_WAIT 計時器推得：60 秒（TCP_TIMEWAIT_LEN）減去剩餘時間。重傳的 FIN 會重新啟動計時器，所以實際可能更久。</translation>
    </message>
    <message>
        <source>Since tcpscope saw it enter this state, at most one poll interval late.</source>
        <translation>自 tcpscope 看到它進入此狀態起算，最多晚一個輪詢間隔。</translation>
    </message>
</context>
<context>
    <name>ConnectionTableView</name>
    <message>
        <source>Copy rows</source>
        <translation>複製列</translation>
    </message>
    <message>
        <source>End connection…</source>
        <translation>結束連線…</translation>
    </message>
    <message>
        <source>TIME_WAIT is not a connection any more: the kernel only remembers it, nobody would be told, and it leaves by itself within 60 s (tcp_abort in net/ipv4/tcp.c drops it on newer kernels, refuses it on older ones)</source>
        <translation>TIME_WAIT 已經不是連線：核心只是還記得它，結束它不會通知任何一方，而且它會在 60 s 內自行消失（net/ipv4/tcp.c 的 tcp_abort 在較新的核心會直接丟棄它，在較舊的核心則拒絕）</translation>
    </message>
    <message>
        <source>a half-open SYN_RECV request is not a connection yet: tcp_abort (net/ipv4/tcp.c) would only drop it from the listener&apos;s queue and the client would retry</source>
        <translation>半開的 SYN_RECV 請求還不是連線：tcp_abort（net/ipv4/tcp.c）只會把它從監聽通訊端的佇列中丟棄，用戶端會再重試</translation>
    </message>
    <message>
        <source>a listening socket is a server, not a connection: ending it would stop the service</source>
        <translation>監聽通訊端是伺服器，不是連線：結束它會讓服務停止</translation>
    </message>
    <message>
        <source>this socket has no connection to end</source>
        <translation>這個通訊端沒有可結束的連線</translation>
    </message>
    <message>
        <source>select the connections to end</source>
        <translation>請選取要結束的連線</translation>
    </message>
    <message>
        <source>Ends the selected connections: the kernel sends each peer a reset</source>
        <translation>結束選取的連線：核心會向每個對端送出重設（RST）</translation>
    </message>
</context>
<context>
    <name>CountersParser</name>
    <message>
        <source>expected &quot;PREFIX: name value ...&quot;</source>
        <translation>應為「PREFIX: name value ...」</translation>
    </message>
    <message>
        <source>bad value for %1</source>
        <translation>%1 的值無效</translation>
    </message>
    <message>
        <source>expected &quot;Prefix: ...&quot;</source>
        <translation>應為「Prefix: ...」</translation>
    </message>
    <message>
        <source>%1 values for %2 names (header on line %3)</source>
        <translation>%2 個名稱卻有 %1 個值（標題列在第 %3 行）</translation>
    </message>
    <message>
        <source>header line without a values line</source>
        <translation>標題列之後沒有數值列</translation>
    </message>
</context>
<context>
    <name>EndConnectionAction</name>
    <message>
        <source>unknown owner</source>
        <translation>擁有者不明</translation>
    </message>
    <message>
        <source>a recording shows past polls: its connections cannot be ended from here</source>
        <translation>錄製檔顯示的是過去的輪詢：無法從這裡結束其中的連線</translation>
    </message>
    <message>
        <source>these connections are on another host: end them there (tcpscope --kill), or through its agent once it can</source>
        <translation>這些連線在另一台主機上：請在該主機上結束（tcpscope --kill），或待其 agent 支援後透過 agent 結束</translation>
    </message>
    <message>
        <source>still ending the last ones</source>
        <translation>仍在結束上一批連線</translation>
    </message>
    <message>
        <source>ended 1 connection</source>
        <translation>已結束 1 條連線</translation>
    </message>
    <message>
        <source>ended %1 connections</source>
        <translation>已結束 %1 條連線</translation>
    </message>
    <message>
        <source>needs CAP_NET_ADMIN (run tcpscope as root, or use the agent once it can)</source>
        <translation>需要 CAP_NET_ADMIN（請以 root 執行 tcpscope，或待 agent 支援後改用 agent）</translation>
    </message>
    <message>
        <source>kernel lacks CONFIG_INET_DIAG_DESTROY</source>
        <translation>核心未啟用 CONFIG_INET_DIAG_DESTROY</translation>
    </message>
    <message>
        <source>could not end %1 -&gt; %2: %3</source>
        <translation>無法結束 %1 -&gt; %2：%3</translation>
    </message>
    <message>
        <source>ended %1 of %2 connections; %3</source>
        <translation>已結束 %2 條連線中的 %1 條；%3</translation>
    </message>
</context>
<context>
    <name>EndConnectionDialog</name>
    <message>
        <source>End connections</source>
        <translation>結束連線</translation>
    </message>
    <message>
        <source>End this connection?</source>
        <translation>要結束這條連線嗎？</translation>
    </message>
    <message>
        <source>End these %1 connections?</source>
        <translation>要結束這 %1 條連線嗎？</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>以及另外 %1 條</translation>
    </message>
    <message>
        <source>The kernel resets each one (SOCK_DESTROY, as ss -K does): the peer gets an RST and the program holding it gets ECONNABORTED.</source>
        <translation>核心會重設每一條連線（SOCK_DESTROY，與 ss -K 相同）：對端會收到 RST，持有連線的應用程式會收到 ECONNABORTED。</translation>
    </message>
    <message>
        <source>End</source>
        <translation>結束</translation>
    </message>
</context>
<context>
    <name>EndConnectionJob</name>
    <message>
        <source>ending a connection uses netlink SOCK_DESTROY, which only Linux has</source>
        <translation>結束連線使用 netlink SOCK_DESTROY，只有 Linux 提供</translation>
    </message>
</context>
<context>
    <name>FindingsBanner</name>
    <message>
        <source>Show sockets</source>
        <translation>顯示通訊端</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細資訊</translation>
    </message>
    <message>
        <source>Top finding</source>
        <translation>最重要的發現</translation>
    </message>
    <message>
        <source>Filter the table and the diagram to the sockets of this finding</source>
        <translation>將表格與狀態圖篩選為此發現相關的通訊端</translation>
    </message>
    <message>
        <source>Open the finding in the Advisor panel: evidence, why it matters, what to do</source>
        <translation>在診斷建議面板中開啟此發現：證據、為何重要、該怎麼做</translation>
    </message>
    <message>
        <source>Dismiss until another finding comes up</source>
        <translation>關閉，直到出現其他發現</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>關閉</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform>（另有 %n 項）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetModel</name>
    <message>
        <source>%1 (down)</source>
        <translation>%1（離線）</translation>
    </message>
    <message>
        <source>Double-click to watch %1 live over ssh</source>
        <translation>按兩下即可透過 ssh 即時觀察 %1</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>發現</translation>
    </message>
    <message>
        <source>ESTABLISHED</source>
        <translation>ESTABLISHED</translation>
    </message>
    <message>
        <source>TIME_WAIT</source>
        <translation>TIME_WAIT</translation>
    </message>
    <message>
        <source>CLOSE_WAIT</source>
        <translation>CLOSE_WAIT</translation>
    </message>
    <message>
        <source>FIN_WAIT2</source>
        <translation>FIN_WAIT2</translation>
    </message>
    <message>
        <source>LISTEN</source>
        <translation>LISTEN</translation>
    </message>
</context>
<context>
    <name>FleetWindow</name>
    <message>
        <source>tcpscope fleet: %1</source>
        <translation>tcpscope 主機群：%1</translation>
    </message>
    <message>
        <source>Hosts, most trouble first</source>
        <translation>主機，問題最多的在前</translation>
    </message>
    <message>
        <source>asking %1 ...</source>
        <translation>正在查詢 %1 ...</translation>
    </message>
    <message>
        <source>Watch a host</source>
        <translation>觀察主機</translation>
    </message>
    <message>
        <source>ssh destination:</source>
        <translation>ssh 目的地：</translation>
    </message>
    <message>
        <source>%1 has no instance with node_tcp_connection_states: add tcpscope-agent --metrics (or node_exporter --collector.tcpstat) to its scrape targets</source>
        <translation>%1 沒有任何具備 node_tcp_connection_states 的執行個體：請將 tcpscope-agent --metrics（或 node_exporter --collector.tcpstat）加入其抓取目標</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s), updated %1; double-click one to watch it live</source>
        <translation>
            <numerusform>%n 台主機，更新於 %1；按兩下即可即時觀察</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; retrying in 15 s</source>
        <translation>%1；15 秒後重試</translation>
    </message>
</context>
<context>
    <name>FrameCompressor</name>
    <message>
        <source>its size is not the one its header gives</source>
        <translation>其大小與標頭所記載的不符</translation>
    </message>
    <message>
        <source>it decompresses to fewer bytes than its header gives</source>
        <translation>解壓縮後的位元組數少於標頭所記載的</translation>
    </message>
</context>
<context>
    <name>InetDiagParser</name>
    <message>
        <source>%1 stray bytes after the last netlink message</source>
        <translation>最後一則 netlink 訊息之後多出 %1 個位元組</translation>
    </message>
    <message>
        <source>netlink message length %1 out of range</source>
        <translation>netlink 訊息長度 %1 超出範圍</translation>
    </message>
    <message>
        <source>short inet_diag_msg (%1 bytes)</source>
        <translation>inet_diag_msg 太短（%1 位元組）</translation>
    </message>
    <message>
        <source>unusable inet_diag_msg: family %1, state %2, timer %3</source>
        <translation>無法使用的 inet_diag_msg：位址家族 %1、狀態 %2、計時器 %3</translation>
    </message>
</context>
<context>
    <name>LabPanel</name>
    <message>
        <source>The client closed. Client: FIN_WAIT2. Server: CLOSE_WAIT until its application closes.</source>
        <translation>用戶端已關閉。用戶端：FIN_WAIT2。伺服器：CLOSE_WAIT，直到其應用程式關閉。</translation>
    </message>
    <message>
        <source>The server closed. Server: FIN_WAIT2. Client: CLOSE_WAIT until its application closes.</source>
        <translation>伺服器已關閉。伺服器：FIN_WAIT2。用戶端：CLOSE_WAIT，直到其應用程式關閉。</translation>
    </message>
    <message>
        <source>Both ends sent FIN before either was acknowledged: the client is in CLOSING.</source>
        <translation>兩端都在對方確認之前送出 FIN：用戶端處於 CLOSING。</translation>
    </message>
    <message>
        <source>The client called shutdown(SHUT_WR): FIN_WAIT2. The server is in CLOSE_WAIT and still sends.</source>
        <translation>用戶端呼叫了 shutdown(SHUT_WR)：FIN_WAIT2。伺服器處於 CLOSE_WAIT，仍可傳送資料。</translation>
    </message>
    <message>
        <source>The client aborted with SO_LINGER 0: RST, both ends gone at once.</source>
        <translation>用戶端以 SO_LINGER 0 中止：送出 RST，兩端同時消失。</translation>
    </message>
    <message>
        <source>All connections opened and closed by the client.</source>
        <translation>所有連線都由用戶端開啟並關閉。</translation>
    </message>
    <message>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <source>Run on loopback</source>
        <translation>在回送介面上執行</translation>
    </message>
    <message>
        <source>Real connections in this process, on 127.0.0.1 only. No root needed.</source>
        <translation>在此行程中建立真實連線，僅限 127.0.0.1。不需要 root 權限。</translation>
    </message>
    <message>
        <source>Connections open: ESTABLISHED on both ends.</source>
        <translation>連線已開啟：兩端皆為 ESTABLISHED。</translation>
    </message>
    <message>
        <source>Done: what remains belongs to the kernel. TIME_WAIT counts down from 60 s.</source>
        <translation>完成：剩下的由核心處理。TIME_WAIT 從 60 秒開始倒數。</translation>
    </message>
    <message>
        <source>The lab failed: %1</source>
        <translation>實驗失敗：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stage %1 of 3.&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;第 %1 階段，共 3 階段。&lt;/b&gt;%2</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;end&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;port&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;state&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;timer&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;端點&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;埠&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;狀態&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;計時器&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>listener</source>
        <translation>監聽端</translation>
    </message>
    <message>
        <source>server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>client</source>
        <translation>用戶端</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…還有 %1 個</translation>
    </message>
    <message>
        <source>No lab sockets in /proc/net/tcp.</source>
        <translation>/proc/net/tcp 中沒有實驗的通訊端。</translation>
    </message>
</context>
<context>
    <name>LabSession</name>
    <message>
        <source>The client closes first: CLOSE_WAIT on the server until it closes, then TIME_WAIT on the client.</source>
        <translation>用戶端先關閉：伺服器處於 CLOSE_WAIT，直到它也關閉；接著用戶端進入 TIME_WAIT。</translation>
    </message>
    <message>
        <source>The server closes first: CLOSE_WAIT on the client until it closes, then TIME_WAIT on the server port.</source>
        <translation>伺服器先關閉：用戶端處於 CLOSE_WAIT，直到它也關閉；接著伺服器的埠進入 TIME_WAIT。</translation>
    </message>
    <message>
        <source>Both ends send FIN before either is acknowledged. Only the client passes CLOSING; the server goes FIN_WAIT1 -&gt; FIN_WAIT2 -&gt; TIME_WAIT, because the client ACKs its FIN. Both end in TIME_WAIT.</source>
        <translation>兩端都在對方確認之前送出 FIN。只有用戶端經過 CLOSING；伺服器走 FIN_WAIT1 -&gt; FIN_WAIT2 -&gt; TIME_WAIT，因為用戶端確認了它的 FIN。兩端最後都進入 TIME_WAIT。</translation>
    </message>
    <message>
        <source>The client shuts down writing but keeps reading: FIN_WAIT2 / CLOSE_WAIT while the server still sends, then TIME_WAIT on the client.</source>
        <translation>用戶端關閉寫入方向但繼續讀取：伺服器仍在傳送時為 FIN_WAIT2 / CLOSE_WAIT，之後用戶端進入 TIME_WAIT。</translation>
    </message>
    <message>
        <source>The client aborts with SO_LINGER 0: an RST, no TIME_WAIT on either end.</source>
        <translation>用戶端以 SO_LINGER 0 中止：送出 RST，兩端都不會進入 TIME_WAIT。</translation>
    </message>
    <message>
        <source>N short connections, each closed by the client first: N TIME_WAIT sockets counting down from 60 s.</source>
        <translation>N 條短連線，每條都由用戶端先關閉：N 個 TIME_WAIT 通訊端從 60 秒開始倒數。</translation>
    </message>
    <message>
        <source>unknown lab pattern</source>
        <translation>未知的實驗模式</translation>
    </message>
    <message>
        <source>the other side&apos;s FIN did not arrive within 5 s</source>
        <translation>對方的 FIN 未在 5 s 內抵達</translation>
    </message>
</context>
<context>
    <name>LessonLoader</name>
    <message>
        <source>packet &quot;from&quot; must be &quot;client&quot; or &quot;server&quot;</source>
        <translation>封包的 &quot;from&quot; 必須是 &quot;client&quot; 或 &quot;server&quot;</translation>
    </message>
    <message>
        <source>packet seq, ack, tsval and tsecr must be whole numbers 0 to 4294967295</source>
        <translation>封包的 seq、ack、tsval 與 tsecr 必須是 0 到 4294967295 的整數</translation>
    </message>
    <message>
        <source>unknown or missing client/server state</source>
        <translation>用戶端／伺服器狀態未知或缺少</translation>
    </message>
    <message>
        <source>packet</source>
        <translation>封包</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2)</source>
        <translation>%1：不是 JSON 物件（%2）</translation>
    </message>
    <message>
        <source>%1: &quot;start&quot; needs a client and a server state</source>
        <translation>%1：&quot;start&quot; 需要用戶端與伺服器的狀態</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步驟</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 KiB; not a lesson file?</source>
        <translation>%1 大於 %2 KiB；不是課程檔案？</translation>
    </message>
    <message>
        <source>no lesson named &apos;%1&apos; (try --list-lessons)</source>
        <translation>沒有名為「%1」的課程（請試試 --list-lessons）</translation>
    </message>
</context>
<context>
    <name>LessonStatePanel</name>
    <message>
        <source>States now</source>
        <translation>目前狀態</translation>
    </message>
    <message>
        <source>client</source>
        <translation>用戶端</translation>
    </message>
    <message>
        <source>server</source>
        <translation>伺服器</translation>
    </message>
</context>
<context>
    <name>LessonText</name>
    <message>
        <source>%1 must be an object</source>
        <translation>%1 必須是物件</translation>
    </message>
    <message>
        <source>%1.%2 must be a string</source>
        <translation>%1.%2 必須是字串</translation>
    </message>
</context>
<context>
    <name>LessonValidator</name>
    <message>
        <source>step %1: %2 %3 -&gt; %4 is not a legal transition (RFC 9293 §3.3.2)</source>
        <translation>步驟 %1：%2 %3 -&gt; %4 不是合法的狀態轉換（RFC 9293 §3.3.2）</translation>
    </message>
    <message>
        <source>the lesson needs a title and a summary</source>
        <translation>課程需要標題與摘要</translation>
    </message>
    <message>
        <source>the lesson cites no references</source>
        <translation>課程沒有引用任何參考資料</translation>
    </message>
    <message>
        <source>the lesson has no steps</source>
        <translation>課程沒有任何步驟</translation>
    </message>
    <message>
        <source>client</source>
        <translation>用戶端</translation>
    </message>
    <message>
        <source>server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>step %1: needs a title, narration and a reference</source>
        <translation>步驟 %1：需要標題、旁白與參考資料</translation>
    </message>
    <message>
        <source>step %1: unknown TCP flag &apos;%2&apos;</source>
        <translation>步驟 %1：未知的 TCP 旗標「%2」</translation>
    </message>
    <message>
        <source>step %1: the last step cannot leave a packet in flight</source>
        <translation>步驟 %1：最後一個步驟不能留下仍在傳送中的封包</translation>
    </message>
</context>
<context>
    <name>LessonWindow</name>
    <message>
        <source>tcpscope: lessons</source>
        <translation>tcpscope：課程</translation>
    </message>
    <message>
        <source>States</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Live lab</source>
        <translation>即時實驗</translation>
    </message>
    <message>
        <source>↺ Restart</source>
        <translation>↺ 重新開始</translation>
    </message>
    <message>
        <source>Back to the start (Home)</source>
        <translation>回到開頭 (Home)</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Previous step (Left)</source>
        <translation>上一步 (Left)</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>播放或暫停 (Space)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Next step (Right)</source>
        <translation>下一步 (Right)</translation>
    </message>
    <message>
        <source>Speed %1×</source>
        <translation>速度 %1×</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>簡報模式</translation>
    </message>
    <message>
        <source>Large fonts for a projector (F5)</source>
        <translation>投影用的大字體 (F5)</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暫停</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p style=&apos;color:#57606a&apos;&gt;&lt;i&gt;Sources: %3&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p style=&apos;color:#57606a&apos;&gt;&lt;i&gt;資料來源：%3&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1. %2&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p style=&apos;color:#57606a&apos;&gt;&lt;i&gt;%4&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1. %2&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p style=&apos;color:#57606a&apos;&gt;&lt;i&gt;%4&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LessonsDock</name>
    <message>
        <source>Lessons</source>
        <translation>課程</translation>
    </message>
    <message>
        <source>Lesson player</source>
        <translation>課程播放器</translation>
    </message>
    <message>
        <source>&amp;Teach</source>
        <translation>教學(&amp;T)</translation>
    </message>
    <message>
        <source>Show &amp;lessons</source>
        <translation>顯示課程(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>簡報模式(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Lab</source>
        <translation>實驗(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LinkStatusLabel</name>
    <message>
        <source>Bytes per second received from the remote host over the last 5 s, and the size of the frame shown. The link cannot keep up when frames queue up and are skipped, arrive later and later, or a delta is lost.</source>
        <translation>過去 5 s 內每秒從遠端主機收到的位元組數，以及目前顯示的畫格大小。當畫格在佇列中堆積而被略過、抵達得越來越晚，或遺失了差異畫格（delta）時，表示連結跟不上。</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s) skipped</source>
        <translation>
            <numerusform>略過 %n 個畫格</numerusform>
        </translation>
    </message>
    <message>
        <source>frames %1 s late</source>
        <translation>畫格延遲 %1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n delta(s) lost</source>
        <translation>
            <numerusform>遺失 %n 個差異畫格（delta）</numerusform>
        </translation>
    </message>
    <message>
        <source>link %1/s, last frame %2</source>
        <translation>連結 %1/s，最後一個畫格 %2</translation>
    </message>
    <message>
        <source>%1 — the link cannot keep up (%2): use a longer --interval, ssh -C (--ssh-compress), or the agent</source>
        <translation>%1 — 連結跟不上（%2）：請使用較長的 --interval、ssh -C（--ssh-compress）或 agent</translation>
    </message>
</context>
<context>
    <name>LoopbackLab</name>
    <message>
        <source>bind/listen on loopback</source>
        <translation>在回送介面上 bind/listen</translation>
    </message>
    <message>
        <source>connect to loopback port %1</source>
        <translation>連線到回送介面的埠 %1</translation>
    </message>
    <message>
        <source>simultaneous close: client did not reach CLOSING</source>
        <translation>同時關閉：用戶端沒有進入 CLOSING</translation>
    </message>
    <message>
        <source>simultaneous close: the client&apos;s FIN did not arrive</source>
        <translation>同時關閉：用戶端的 FIN 沒有抵達</translation>
    </message>
</context>
<context>
    <name>MainToolBar</name>
    <message>
        <source>Main</source>
        <translation>主工具列</translation>
    </message>
    <message>
        <source>Where the sockets are read from</source>
        <translation>通訊端的讀取來源</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>Poll interval</source>
        <translation>輪詢間隔</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Show one state in the table (or click a state in the diagram)</source>
        <translation>在表格中只顯示一種狀態（或在狀態圖中點選狀態）</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有狀態</translation>
    </message>
    <message>
        <source>Address family</source>
        <translation>位址家族</translation>
    </message>
    <message>
        <source>IPv4 + IPv6</source>
        <translation>IPv4 + IPv6</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>Source: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>來源：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Filter connections</source>
        <translation>篩選連線</translation>
    </message>
    <message>
        <source>State filter</source>
        <translation>狀態篩選</translation>
    </message>
    <message>
        <source>Filter: address, port:443, or ss: state time-wait dport = :443</source>
        <translation>篩選：位址、port:443，或 ss 運算式：state time-wait dport = :443</translation>
    </message>
    <message>
        <source>Not an ss filter expression: %1</source>
        <translation>不是有效的 ss 篩選運算式：%1</translation>
    </message>
    <message>
        <source>Filter the connections table (Ctrl+F). Text matches addresses and state names; port:443 and state:time_wait narrow to one field. Text that starts with an ss(8) keyword (state, exclude, src, dst, sport, dport, not, &apos;(&apos;) is an ss filter expression, as in ss -tan EXPRESSION.</source>
        <translation>篩選連線表格 (Ctrl+F)。文字會比對位址與狀態名稱；port:443 與 state:time_wait 只比對單一欄位。以 ss(8) 關鍵字（state、exclude、src、dst、sport、dport、not、&apos;(&apos;）開頭的文字是 ss 篩選運算式，如同 ss -tan EXPRESSION。</translation>
    </message>
    <message>
        <source>Show one process&apos;s sockets in the table and the diagram (remembered ones included)</source>
        <translation>只在表格與狀態圖中顯示一個行程的通訊端（包含記憶擁有者的通訊端）</translation>
    </message>
    <message>
        <source>Process filter</source>
        <translation>行程篩選</translation>
    </message>
    <message>
        <source>By process</source>
        <translation>依行程</translation>
    </message>
    <message>
        <source>Group the connections table by process; double-click a process for its sockets</source>
        <translation>將連線表依行程分組；按兩下行程可顯示它的通訊端</translation>
    </message>
    <message>
        <source>All processes</source>
        <translation>所有行程</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n sockets</source>
        <translation>
            <numerusform>%1：%n 個通訊端</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no sockets</source>
        <translation>%1：沒有通訊端</translation>
    </message>
    <message>
        <source>Pause or resume polling (Space or F5)</source>
        <translation>暫停或繼續輪詢（空白鍵或 F5）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Connections</source>
        <translation>連線</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>重播</translation>
    </message>
    <message>
        <source>Replay controls</source>
        <translation>重播控制</translation>
    </message>
    <message>
        <source>TCP state diagram</source>
        <translation>TCP 狀態圖</translation>
    </message>
    <message>
        <source>Connections table</source>
        <translation>連線表格</translation>
    </message>
    <message>
        <source>Sockets per state over time</source>
        <translation>各狀態通訊端數量隨時間變化</translation>
    </message>
    <message>
        <source>Sockets over time</source>
        <translation>通訊端趨勢</translation>
    </message>
    <message>
        <source>Kernel tunables</source>
        <translation>核心可調參數</translation>
    </message>
    <message>
        <source>Tunables</source>
        <translation>可調參數</translation>
    </message>
    <message>
        <source>Advisor findings</source>
        <translation>診斷建議結果</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>診斷建議</translation>
    </message>
    <message>
        <source>tcpscope — %1</source>
        <translation>tcpscope — %1</translation>
    </message>
    <message>
        <source>%1 — tcpscope (%2)</source>
        <translation>%1 — tcpscope（%2）</translation>
    </message>
    <message>
        <source>Ctrl+Right</source>
        <translation>Ctrl+Right</translation>
    </message>
    <message>
        <source>Ctrl+Left</source>
        <translation>Ctrl+Left</translation>
    </message>
    <message>
        <source>&amp;Filter connections</source>
        <translation>篩選連線(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit diagram</source>
        <translation>狀態圖符合視窗(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About tcpscope</source>
        <translation>關於 tcpscope(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>關於 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Connections by process</source>
        <translation>依行程分組的連線</translation>
    </message>
    <message>
        <source>process %1 on %2 — tcpscope (%3)</source>
        <translation>%2 上的行程 %1 — tcpscope（%3）</translation>
    </message>
    <message>
        <source>%1 (%2), process %3</source>
        <translation>%1（%2），行程 %3</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>Step one poll (replay: one frame)</source>
        <translation>前進一次輪詢（重播時：一個畫格）</translation>
    </message>
    <message>
        <source>Step one frame back (replay)</source>
        <translation>後退一個畫格（重播）</translation>
    </message>
    <message>
        <source>Advisor (%1)</source>
        <translation>診斷建議（%1）</translation>
    </message>
    <message>
        <source>New finding (%1): %2</source>
        <translation>新發現（%1）：%2</translation>
    </message>
    <message>
        <source>Connect to &amp;Prometheus...</source>
        <translation>連線到 &amp;Prometheus...</translation>
    </message>
    <message>
        <source>Connect to Prometheus</source>
        <translation>連線到 Prometheus</translation>
    </message>
    <message>
        <source>Prometheus server (its hosts with tcpscope-agent --metrics or node_exporter tcpstat):</source>
        <translation>Prometheus 伺服器（其中具備 tcpscope-agent --metrics 或 node_exporter tcpstat 的主機）：</translation>
    </message>
</context>
<context>
    <name>NetlinkSource</name>
    <message>
        <source>sock_diag: the kernel closed the dump early</source>
        <translation>sock_diag：核心提早結束了傾印</translation>
    </message>
    <message>
        <source>no IPv6 sockets: IPv6 is disabled on this host</source>
        <translation>沒有 IPv6 通訊端：本機已停用 IPv6</translation>
    </message>
    <message>
        <source>sock_diag: malformed reply</source>
        <translation>sock_diag：回覆格式錯誤</translation>
    </message>
</context>
<context>
    <name>OwnerSection</name>
    <message>
        <source>%1: @owners line %2: %3; owner table ignored</source>
        <translation>%1：@owners 第 %2 行：%3；忽略這份擁有者表</translation>
    </message>
    <message>
        <source>bad scanner uid &apos;%1&apos;</source>
        <translation>掃描者的 uid 無效：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>bad inode list &apos;%1&apos;</source>
        <translation>inode 清單無效：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: @owners is neither &apos;full UID&apos; nor &apos;unchanged&apos;; ignored</source>
        <translation>%1：@owners 既不是 &apos;full UID&apos; 也不是 &apos;unchanged&apos;；已忽略</translation>
    </message>
    <message>
        <source>expected 6 tab-separated fields</source>
        <translation>應有 6 個以 Tab 分隔的欄位</translation>
    </message>
    <message>
        <source>bad pid &apos;%1&apos;</source>
        <translation>pid 無效：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>bad uid &apos;%1&apos;</source>
        <translation>uid 無效：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>a user, cgroup or command name is empty or too long</source>
        <translation>使用者、cgroup 或指令名稱是空的或太長</translation>
    </message>
</context>
<context>
    <name>PollStatusBar</name>
    <message>
        <source>Reading the kernel&apos;s TCP table...</source>
        <translation>正在讀取核心的 TCP 表...</translation>
    </message>
    <message>
        <source>Lines of input that could not be used; click to list them</source>
        <translation>無法使用的輸入行；點選以列出</translation>
    </message>
    <message>
        <source>0 problems</source>
        <translation>0 個問題</translation>
    </message>
    <message>
        <source>%1 last poll %2, took %3 ms</source>
        <translation>%1 上次輪詢 %2，耗時 %3 毫秒</translation>
    </message>
    <message>
        <source>paused —</source>
        <translation>已暫停 —</translation>
    </message>
    <message>
        <source>%1 sockets</source>
        <translation>%1 個通訊端</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 個問題</translation>
    </message>
    <message>
        <source>%1 problems</source>
        <translation>%1 個問題</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <source>paused — </source>
        <translation>已暫停 — </translation>
    </message>
    <message>
        <source>... and %1 more</source>
        <translation>...還有 %1 個</translation>
    </message>
    <message>
        <source>Problems in the last poll</source>
        <translation>上次輪詢的問題</translation>
    </message>
    <message>
        <source>The last poll read every line.</source>
        <translation>上次輪詢讀取了每一行。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the last poll.</source>
        <translation>
            <numerusform>上次輪詢有 %n 個問題。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — showing the last good poll</source>
        <translation>%1 — 顯示最後一次成功的輪詢</translation>
    </message>
    <message>
        <source> · via %1</source>
        <translation> · 經由 %1</translation>
    </message>
    <message>
        <source>%1 — %2 %3%4</source>
        <translation>%1 — %2 %3%4</translation>
    </message>
    <message>
        <source>%1 sockets of other users: run as root or through the agent</source>
        <translation>%1 個通訊端屬於其他使用者：請以 root 或透過代理程式執行</translation>
    </message>
    <message>
        <source>%1 sockets with no owner found</source>
        <translation>%1 個通訊端找不到擁有者</translation>
    </message>
    <message>
        <source>Which process holds a socket is read from /proc/PID/fd; an ordinary user may read only their own processes&apos;. TIME_WAIT and orphaned sockets keep the owner seen before they closed, in italics.</source>
        <translation>持有通訊端的行程讀自 /proc/PID/fd；一般使用者只能讀取自己行程的。TIME_WAIT 與孤兒通訊端保留關閉前所見的擁有者，以斜體顯示。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop connecting and watch this host again</source>
        <translation>停止連線，改回觀察本機</translation>
    </message>
    <message>
        <source>1 socket</source>
        <translation>1 個通訊端</translation>
    </message>
    <message>
        <source>1 socket of another user: run as root or through the agent</source>
        <translation>1 個通訊端屬於其他使用者：請以 root 或透過代理程式執行</translation>
    </message>
    <message>
        <source>1 socket with no owner found</source>
        <translation>1 個通訊端找不到擁有者</translation>
    </message>
</context>
<context>
    <name>ProcNetTcpParser</name>
    <message>
        <source>too many fields</source>
        <translation>欄位太多</translation>
    </message>
    <message>
        <source>expected at least 10 fields, found %1</source>
        <translation>應至少有 10 個欄位，實際有 %1 個</translation>
    </message>
    <message>
        <source>bad row number</source>
        <translation>無效的列號</translation>
    </message>
    <message>
        <source>bad local address</source>
        <translation>無效的本機位址</translation>
    </message>
    <message>
        <source>bad remote address</source>
        <translation>無效的遠端位址</translation>
    </message>
    <message>
        <source>bad state field</source>
        <translation>無效的狀態欄位</translation>
    </message>
    <message>
        <source>unknown state code %1</source>
        <translation>未知的狀態代碼 %1</translation>
    </message>
    <message>
        <source>bad tx_queue:rx_queue</source>
        <translation>無效的 tx_queue:rx_queue</translation>
    </message>
    <message>
        <source>bad tr:tm-&gt;when</source>
        <translation>無效的 tr:tm-&gt;when</translation>
    </message>
    <message>
        <source>bad retrnsmt</source>
        <translation>無效的 retrnsmt</translation>
    </message>
    <message>
        <source>bad uid</source>
        <translation>無效的 uid</translation>
    </message>
    <message>
        <source>bad timeout (probes) field</source>
        <translation>無效的 timeout（probes）欄位</translation>
    </message>
    <message>
        <source>bad inode</source>
        <translation>無效的 inode</translation>
    </message>
    <message>
        <source>empty input: no header and no sockets</source>
        <translation>輸入是空的：沒有標題列也沒有通訊端</translation>
    </message>
    <message>
        <source>line too long (%1 bytes), skipped</source>
        <translation>行太長（%1 位元組），已略過</translation>
    </message>
    <message>
        <source>more than %1 sockets: the rest of the input is ignored</source>
        <translation>超過 %1 個通訊端：其餘輸入已忽略</translation>
    </message>
</context>
<context>
    <name>ProcSource</name>
    <message>
        <source>proc root %1</source>
        <translation>proc 根目錄 %1</translation>
    </message>
    <message>
        <source>not present: IPv6 is disabled on this host</source>
        <translation>不存在：本機已停用 IPv6</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>larger than %1 MiB: the rest was not read</source>
        <translation>大於 %1 MiB：其餘部分未讀取</translation>
    </message>
</context>
<context>
    <name>ProcessGroupModel</name>
    <message>
        <source>unknown owner</source>
        <translation>擁有者不明</translation>
    </message>
    <message numerus="yes">
        <source>%n sockets with no known owner</source>
        <translation>
            <numerusform>%n 個通訊端的擁有者不明</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, user %2</source>
        <translation>%1，使用者 %2</translation>
    </message>
    <message>
        <source>unit %1</source>
        <translation>單元 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n sockets</source>
        <translation>
            <numerusform>%n 個通訊端</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of which %n remembered: closed since (TIME-WAIT, orphaned), shown under the process that held them</source>
        <translation>
            <numerusform>其中 %n 個為記憶的擁有者：通訊端已關閉（TIME-WAIT、孤兒通訊端），仍列在原本持有它們的行程下</numerusform>
        </translation>
    </message>
    <message>
        <source>This source does not tell which process holds a socket (remote host or recording).</source>
        <translation>此來源無法得知通訊端由哪個行程持有（遠端主機或錄製檔）。</translation>
    </message>
    <message numerus="yes">
        <source>%n held by no process (TIME-WAIT, orphaned) and never seen owned</source>
        <translation>
            <numerusform>%n 個不屬於任何行程（TIME-WAIT、孤兒通訊端），且從未看到其擁有者</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of other users: run as root or through the agent</source>
        <translation>
            <numerusform>%n 個屬於其他使用者：請以 root 或透過代理程式執行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n held by no process this scan could read (closed since, or in another PID namespace)</source>
        <translation>
            <numerusform>%n 個不屬於此次掃描可讀取的任何行程（已關閉，或位於另一個 PID 命名空間）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new since the last scan: named from the next poll on</source>
        <translation>
            <numerusform>%n 個是上次掃描後才出現的：從下一次輪詢起會標出擁有者</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n processes whose descriptors may not be read</source>
        <translation>
            <numerusform>%n 個行程的檔案描述元無法讀取</numerusform>
        </translation>
    </message>
    <message>
        <source>Sockets closed since (TIME-WAIT, orphaned) that keep the owner they were last seen with</source>
        <translation>已關閉的通訊端（TIME-WAIT、孤兒通訊端），保留最後一次看到的擁有者</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>單元</translation>
    </message>
    <message>
        <source>Sockets</source>
        <translation>通訊端</translation>
    </message>
    <message>
        <source>Remembered</source>
        <translation>記憶的</translation>
    </message>
</context>
<context>
    <name>PrometheusClient</name>
    <message>
        <source>--match takes a Prometheus selector such as {job=&quot;web&quot;}, not &apos;%1&apos;</source>
        <translation>--match 需要 Prometheus 選擇器，例如 {job=&quot;web&quot;}，而不是「%1」</translation>
    </message>
    <message>
        <source>%1: %2 (is Prometheus running there? its default port is 9090)</source>
        <translation>%1：%2（那裡有執行 Prometheus 嗎？它的預設連接埠是 9090）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>PrometheusResponse</name>
    <message>
        <source>not a Prometheus API reply (%1)</source>
        <translation>不是 Prometheus API 的回應（%1）</translation>
    </message>
    <message>
        <source>Prometheus said %1: %2</source>
        <translation>Prometheus 回報 %1：%2</translation>
    </message>
    <message>
        <source>%1 series: more than %2; narrow the selector</source>
        <translation>%1 個序列：超過 %2 個；請縮小選擇器範圍</translation>
    </message>
    <message>
        <source>a series of %1 points: more than %2</source>
        <translation>一個序列有 %1 個點：超過 %2 個</translation>
    </message>
    <message>
        <source>a malformed sample in series %1</source>
        <translation>第 %1 個序列中有格式錯誤的樣本</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>usual client / active close</source>
        <translation>一般用戶端／主動關閉</translation>
    </message>
    <message>
        <source>usual server / passive close</source>
        <translation>一般伺服器／被動關閉</translation>
    </message>
    <message>
        <source>less common (simultaneous, ...)</source>
        <translation>較少見（同時關閉等）</translation>
    </message>
    <message>
        <source>reset or abort (hover for details)</source>
        <translation>重設或中止（游標停留可看詳情）</translation>
    </message>
    <message>
        <source>token over unseen (inferred) hops</source>
        <translation>走過未觀察到（推斷）之轉換的標記</translation>
    </message>
    <message>
        <source>CLOSED: the connection is gone (its control block deleted).</source>
        <translation>CLOSED：連線已消失（其控制區塊已刪除）。</translation>
    </message>
    <message>
        <source>%1: click to show only these sockets in the table.</source>
        <translation>%1：點選以在表格中只顯示這些通訊端。</translation>
    </message>
    <message>
        <source>TIME-WAIT sockets by time left before the kernel frees them (0 to 60 s on Linux, TCP_TIMEWAIT_LEN). Bars slide left as the clock runs.</source>
        <translation>依核心釋放前剩餘時間分組的 TIME-WAIT 通訊端（Linux 上為 0 到 60 秒，TCP_TIMEWAIT_LEN）。長條會隨時間向左移動。</translation>
    </message>
    <message>
        <source>Last interval: %1/s (%2 observed by the kernel&apos;s eBPF events, %3 inferred from polls)</source>
        <translation>上一個間隔：%1/秒（%2 個由核心的 eBPF 事件觀察到，%3 個由輪詢推測）</translation>
    </message>
    <message>
        <source>token over hops seen (poll or eBPF)</source>
        <translation>經過已看到之步驟的標記（輪詢或 eBPF）</translation>
    </message>
    <message>
        <source>transitions/s (hover an edge)</source>
        <translation>每秒轉換次數（將游標移到邊上）</translation>
    </message>
</context>
<context>
    <name>RateSeries</name>
    <message>
        <source>opened/s</source>
        <translation>開啟/秒</translation>
    </message>
    <message>
        <source>into TIME_WAIT/s</source>
        <translation>進入 TIME_WAIT/秒</translation>
    </message>
    <message>
        <source>closed/s</source>
        <translation>關閉/秒</translation>
    </message>
    <message>
        <source>transitions/s</source>
        <translation>轉換/秒</translation>
    </message>
</context>
<context>
    <name>Recorder</name>
    <message>
        <source>cannot record to %1: %2</source>
        <translation>無法錄製至 %1：%2</translation>
    </message>
    <message>
        <source>recording to %1 stopped: %2</source>
        <translation>錄製至 %1 已停止：%2</translation>
    </message>
    <message>
        <source>cannot record to %1: it holds something other than a tcpscope recording (an older plain-text one?); choose a new file</source>
        <translation>無法錄製至 %1：該檔案不是 tcpscope 錄製檔（可能是較舊的純文字錄製檔？）；請選擇新的檔案</translation>
    </message>
    <message>
        <source>recording to %1 stopped: no space left on device; the recording so far is intact</source>
        <translation>錄製至 %1 已停止：裝置上已無可用空間；目前為止的錄製內容完整無缺</translation>
    </message>
    <message>
        <source>(its last frame is cut off)</source>
        <translation>（其最後一個畫格被截斷）</translation>
    </message>
</context>
<context>
    <name>RecordingIndex</name>
    <message>
        <source>cannot open recording %1: %2</source>
        <translation>無法開啟錄製檔 %1：%2</translation>
    </message>
    <message>
        <source>%1 is a recording in a format this tcpscope does not read (&apos;%2&apos;; it reads &apos;%3&apos;)</source>
        <translation>%1 是此 tcpscope 無法讀取的錄製檔格式（「%2」；可讀取的是「%3」）</translation>
    </message>
    <message>
        <source>%1 holds no complete tcpscope frame</source>
        <translation>%1 中沒有完整的 tcpscope 畫格</translation>
    </message>
    <message>
        <source>frame %1: damaged block header at byte %2; the rest of the recording (%3 bytes) is ignored</source>
        <translation>畫格 %1：位元組 %2 處的區塊標頭已損壞；錄製檔的其餘部分（%3 位元組）已忽略</translation>
    </message>
    <message>
        <source>frame %1: the last frame is truncated (recording cut off); ignored</source>
        <translation>畫格 %1：最後一個畫格不完整（錄製被中斷）；已忽略</translation>
    </message>
    <message>
        <source>frame %1: truncated (a new frame began before @end); skipped</source>
        <translation>畫格 %1：不完整（在 @end 之前就開始了新的畫格）；已略過</translation>
    </message>
    <message>
        <source>larger than the %1 MiB limit</source>
        <translation>超過 %1 MiB 的上限</translation>
    </message>
    <message>
        <source>the file is shorter than its index</source>
        <translation>檔案比其索引所記載的短</translation>
    </message>
    <message>
        <source>opening %1 was cancelled</source>
        <translation>已取消開啟 %1</translation>
    </message>
</context>
<context>
    <name>ReplayControls</name>
    <message>
        <source>Step one poll back</source>
        <translation>倒退一次輪詢</translation>
    </message>
    <message>
        <source>Step one poll forward</source>
        <translation>前進一次輪詢</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>重播速度</translation>
    </message>
    <message>
        <source>Timeline: drag to a moment of the recording</source>
        <translation>時間軸：拖曳到錄製內容的某個時刻</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
</context>
<context>
    <name>ReplaySource</name>
    <message>
        <source>recording %1</source>
        <translation>錄製檔 %1</translation>
    </message>
    <message>
        <source>%1 is not open</source>
        <translation>%1 尚未開啟</translation>
    </message>
    <message>
        <source>frame %1 of %2 cannot be read</source>
        <translation>無法讀取 %2 的畫格 %1</translation>
    </message>
    <message>
        <source>frame %1: %2</source>
        <translation>畫格 %1：%2</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>篩選</translation>
    </message>
    <message>
        <source>Clear the filter (in the filter box)</source>
        <translation>清除篩選（在篩選框中）</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Copy the selected rows as text</source>
        <translation>將選取的列複製為文字</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>狀態圖</translation>
    </message>
    <message>
        <source>Zoom the diagram</source>
        <translation>縮放狀態圖</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>滑鼠滾輪</translation>
    </message>
</context>
<context>
    <name>SnapshotPacer</name>
    <message>
        <source>%1 sockets: a full read costs %2 ms of CPU, so the table is read every %3 (counters every %4)</source>
        <translation>%1 個通訊端：完整讀取一次要花 %2 ms 的 CPU，因此每 %3 讀取一次表格（計數器每 %4）</translation>
    </message>
</context>
<context>
    <name>SocketDestroyer</name>
    <message>
        <source>ending a connection needs CAP_NET_ADMIN: run as root or through the agent</source>
        <translation>結束連線需要 CAP_NET_ADMIN：請以 root 執行，或透過 agent 執行</translation>
    </message>
    <message>
        <source>this kernel cannot end connections: it was built without CONFIG_INET_DIAG_DESTROY</source>
        <translation>此核心無法結束連線：編譯時未啟用 CONFIG_INET_DIAG_DESTROY</translation>
    </message>
    <message>
        <source>the connection is already gone</source>
        <translation>連線已經不存在</translation>
    </message>
    <message>
        <source>SOCK_DESTROY: %1</source>
        <translation>SOCK_DESTROY：%1</translation>
    </message>
    <message>
        <source>socket(NETLINK_SOCK_DIAG): %1</source>
        <translation>socket(NETLINK_SOCK_DIAG)：%1</translation>
    </message>
</context>
<context>
    <name>SourceActions</name>
    <message>
        <source>&amp;Connect to host over SSH...</source>
        <translation>透過 SSH 連線至主機(&amp;C)...</translation>
    </message>
    <message>
        <source>Open &amp;recording...</source>
        <translation>開啟錄製檔(&amp;R)...</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Watch &amp;this host</source>
        <translation>監看本機(&amp;T)</translation>
    </message>
    <message>
        <source>Record to &amp;file...</source>
        <translation>錄製至檔案(&amp;F)...</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Stop recording</source>
        <translation>停止錄製(&amp;S)</translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation>開啟錄製檔</translation>
    </message>
    <message>
        <source>tcpscope recordings (*.tcps);;All files (*)</source>
        <translation>tcpscope 錄製檔 (*.tcps);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Record to file</source>
        <translation>錄製至檔案</translation>
    </message>
    <message>
        <source>tcpscope recordings (*.tcps)</source>
        <translation>tcpscope 錄製檔 (*.tcps)</translation>
    </message>
    <message>
        <source>Indexing the recording %1 ...</source>
        <translation>正在為錄製檔 %1 建立索引 ...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SsFilterParser</name>
    <message>
        <source>column %1: &apos;)&apos; without &apos;(&apos;</source>
        <translation>第 %1 欄：有 &apos;)&apos; 卻沒有 &apos;(&apos;</translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation>第 %1 欄：%2</translation>
    </message>
    <message>
        <source>expected a state name after %1</source>
        <translation>%1 之後應接狀態名稱</translation>
    </message>
    <message>
        <source>%1 is not a state (established, syn-sent, syn-recv, fin-wait-1, fin-wait-2, time-wait, closed, close-wait, last-ack, listening, closing, or a group: all, connected, synchronized, bucket, big)</source>
        <translation>%1 不是狀態（established、syn-sent、syn-recv、fin-wait-1、fin-wait-2、time-wait、closed、close-wait、last-ack、listening、closing，或群組：all、connected、synchronized、bucket、big）</translation>
    </message>
    <message>
        <source>expected a term after %1</source>
        <translation>%1 之後應接一個條件</translation>
    </message>
    <message>
        <source>expected a term</source>
        <translation>應接一個條件</translation>
    </message>
    <message>
        <source>&apos;(&apos; is not closed</source>
        <translation>&apos;(&apos; 沒有關閉</translation>
    </message>
    <message>
        <source>%1 goes before the expression, as in ss</source>
        <translation>%1 要放在運算式之前，與 ss 相同</translation>
    </message>
    <message>
        <source>%1 is not supported: tcpscope&apos;s snapshots do not carry the socket&apos;s device, mark, cgroup or bind flags</source>
        <translation>不支援 %1：tcpscope 的快照不含通訊端的裝置、mark、cgroup 或 bind 旗標</translation>
    </message>
    <message>
        <source>expected a term before &apos;)&apos;</source>
        <translation>&apos;)&apos; 之前應有一個條件</translation>
    </message>
    <message>
        <source>expected a term before %1</source>
        <translation>%1 之前應有一個條件</translation>
    </message>
    <message>
        <source>%1 takes &apos;=&apos; or nothing before the address, not %2</source>
        <translation>%1 在位址之前只能接 &apos;=&apos; 或什麼都不接，不能是 %2</translation>
    </message>
    <message>
        <source>expected an address after %1</source>
        <translation>%1 之後應接位址</translation>
    </message>
    <message>
        <source>expected a port after %1</source>
        <translation>%1 之後應接埠</translation>
    </message>
    <message>
        <source>a process id</source>
        <translation>行程 ID</translation>
    </message>
    <message>
        <source>a systemd unit name</source>
        <translation>systemd unit 名稱</translation>
    </message>
    <message>
        <source>a process name</source>
        <translation>行程名稱</translation>
    </message>
    <message>
        <source>expected %1 after %2</source>
        <translation>%2 之後應接%1</translation>
    </message>
    <message>
        <source>tcpscope shows TCP sockets: only inet: and inet6: addresses apply</source>
        <translation>tcpscope 只顯示 TCP 通訊端：只適用 inet: 與 inet6: 位址</translation>
    </message>
    <message>
        <source>&apos;[&apos; without &apos;]&apos;</source>
        <translation>有 &apos;[&apos; 卻沒有 &apos;]&apos;</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; and a port after &apos;]&apos;</source>
        <translation>&apos;]&apos; 之後應接 &apos;:&apos; 與埠</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; and a port after &apos;*&apos;</source>
        <translation>&apos;*&apos; 之後應接 &apos;:&apos; 與埠</translation>
    </message>
    <message>
        <source>expected a port after &apos;:&apos;</source>
        <translation>&apos;:&apos; 之後應接埠</translation>
    </message>
    <message>
        <source>port %1 is out of range (0-65535)</source>
        <translation>埠 %1 超出範圍（0-65535）</translation>
    </message>
    <message>
        <source>%1 is not a port number or a known TCP service</source>
        <translation>%1 不是埠號，也不是已知的 TCP 服務</translation>
    </message>
    <message>
        <source>%1 is not an %2 address</source>
        <translation>%1 不是 %2 位址</translation>
    </message>
    <message>
        <source>%1 is not an IPv4 or IPv6 address (write IPv6 in [ ]; host names are not looked up)</source>
        <translation>%1 不是 IPv4 或 IPv6 位址（IPv6 請寫在 [ ] 中；不會查詢主機名稱）</translation>
    </message>
    <message>
        <source>expected a prefix length from 0 to %1 after &apos;/&apos;</source>
        <translation>&apos;/&apos; 之後應接 0 到 %1 的前綴長度</translation>
    </message>
    <message>
        <source>expected src, dst, sport, dport, process, pid, unit, not or &apos;(&apos; but found %1 (to search text, leave out ss&apos;s keywords)</source>
        <translation>應為 src、dst、sport、dport、process、pid、unit、not 或 &apos;(&apos;，但找到 %1（要搜尋文字，請不要使用 ss 的關鍵字）</translation>
    </message>
    <message>
        <source>%1 is not a process id (a number from 1 to 4194304)</source>
        <translation>%1 不是行程 ID（應為 1 到 4194304 的數字）</translation>
    </message>
    <message>
        <source>&apos;*&apos; may only end a process name (a prefix), as in &apos;process nginx*&apos;</source>
        <translation>&apos;*&apos; 只能放在行程名稱的結尾（表示前綴），例如 &apos;process nginx*&apos;</translation>
    </message>
</context>
<context>
    <name>SshChannel</name>
    <message>
        <source>cannot run &apos;%1&apos; (%2). Install the OpenSSH client (Debian: apt install openssh-client) or put ssh on PATH.</source>
        <translation>無法執行「%1」（%2）。請安裝 OpenSSH 用戶端（Debian：apt install openssh-client），或將 ssh 加入 PATH。</translation>
    </message>
    <message>
        <source>the host key of %1 is unknown or has changed. Run `ssh %1` once in a terminal, check the fingerprint and accept it, then connect again.</source>
        <translation>%1 的主機金鑰未知或已變更。請先在終端機執行一次 `ssh %1`，核對指紋並接受，再重新連線。</translation>
    </message>
    <message>
        <source>%1 refused the login (no password prompts are possible here). Load your key with `ssh-add`, or set User/IdentityFile for this host in ~/.ssh/config.</source>
        <translation>%1 拒絕登入（這裡無法提示輸入密碼）。請用 `ssh-add` 載入金鑰，或在 ~/.ssh/config 中為這台主機設定 User/IdentityFile。</translation>
    </message>
    <message>
        <source>host name &apos;%1&apos; not found. Check the spelling or add a Host entry to ~/.ssh/config.</source>
        <translation>找不到主機名稱「%1」。請檢查拼字，或在 ~/.ssh/config 中加入 Host 項目。</translation>
    </message>
    <message>
        <source>nothing accepts SSH connections at %1 (connection refused). Check the port and that sshd runs there.</source>
        <translation>%1 沒有任何程式接受 SSH 連線（connection refused）。請檢查埠，並確認 sshd 在那裡執行。</translation>
    </message>
    <message>
        <source>%1 is unreachable (%2). Check the network, VPN or ProxyJump.</source>
        <translation>無法連到 %1（%2）。請檢查網路、VPN 或 ProxyJump。</translation>
    </message>
    <message>
        <source>%1 has no POSIX sh on PATH; tcpscope needs sh, cat, uname and sleep there.</source>
        <translation>%1 的 PATH 上沒有 POSIX sh；tcpscope 需要那裡有 sh、cat、uname 與 sleep。</translation>
    </message>
    <message>
        <source>ssh %1 ended: %2</source>
        <translation>ssh %1 已結束：%2</translation>
    </message>
    <message>
        <source>ssh %1 ended (exit code %2)</source>
        <translation>ssh %1 已結束（結束代碼 %2）</translation>
    </message>
</context>
<context>
    <name>SshTarget</name>
    <message>
        <source>no host given</source>
        <translation>未指定主機</translation>
    </message>
    <message>
        <source>host name too long</source>
        <translation>主機名稱太長</translation>
    </message>
    <message>
        <source>&apos;%1&apos; starts with &apos;-&apos;: a host cannot start with &apos;-&apos;</source>
        <translation>「%1」以 &apos;-&apos; 開頭：主機不能以 &apos;-&apos; 開頭</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not [user@]host[:port] (letters, digits, &apos;.&apos;, &apos;-&apos;, &apos;_&apos;; IPv6 as [addr]:port)</source>
        <translation>「%1」不是 [user@]host[:port]（字母、數字、&apos;.&apos;、&apos;-&apos;、&apos;_&apos;；IPv6 寫成 [addr]:port）</translation>
    </message>
    <message>
        <source>bad host name &apos;%1&apos;</source>
        <translation>無效的主機名稱「%1」</translation>
    </message>
    <message>
        <source>port %1 is out of range 1-65535</source>
        <translation>埠 %1 超出範圍 1-65535</translation>
    </message>
</context>
<context>
    <name>StateChartView</name>
    <message>
        <source>no data</source>
        <translation>無資料</translation>
    </message>
</context>
<context>
    <name>StateDiagramScene</name>
    <message numerus="yes">
        <source>%n orphaned, ≤ %1 s</source>
        <translation>
            <numerusform>%n 個孤立，≤ %1 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n orphaned</source>
        <translation>
            <numerusform>%n 個孤立</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusNotice</name>
    <message>
        <source>● recording to %1 (%2 frames)</source>
        <translation>● 正在錄製至 %1（%2 個畫格）</translation>
    </message>
    <message>
        <source>recording stopped: %1</source>
        <translation>錄製已停止：%1</translation>
    </message>
    <message>
        <source>Full snapshots slowed down: %1</source>
        <translation>完整快照已放慢：%1</translation>
    </message>
    <message>
        <source>between full reads, the kernel counts %1 TIME_WAIT and %2 other sockets (at %3)</source>
        <translation>兩次完整讀取之間，核心計數為 %1 個 TIME_WAIT 與 %2 個其他通訊端（於 %3）</translation>
    </message>
    <message>
        <source>eBPF: %1 state changes lost (ring buffer full): paths of this poll inferred</source>
        <translation>eBPF：遺失 %1 個狀態變化（環形緩衝區已滿）：本次輪詢的路徑為推測</translation>
    </message>
    <message>
        <source>eBPF state changes off: %1</source>
        <translation>eBPF 狀態變化已關閉：%1</translation>
    </message>
</context>
<context>
    <name>StreamEvents</name>
    <message>
        <source>%1: @events without its lost counts</source>
        <translation>%1：@events 缺少遺失計數</translation>
    </message>
    <message>
        <source>%1: @events line %2: %3 malformed event line(s) ignored</source>
        <translation>%1：@events 第 %2 行：已忽略 %3 行格式錯誤的事件</translation>
    </message>
</context>
<context>
    <name>StreamFdChannel</name>
    <message>
        <source>cannot resolve %1: %2</source>
        <translation>無法解析 %1：%2</translation>
    </message>
    <message>
        <source>agent %1:%2</source>
        <translation>agent %1:%2</translation>
    </message>
    <message>
        <source>cannot use stdin: </source>
        <translation>無法使用 stdin：</translation>
    </message>
    <message>
        <source>cannot connect to tcpscope-agent at %1:%2: %3. Is the agent running (tcpscope-agent --listen %2) and the ssh -L forward up?</source>
        <translation>無法連線到 %1:%2 的 tcpscope-agent：%3。agent 是否正在執行（tcpscope-agent --listen %2），且 ssh -L 轉送已建立？</translation>
    </message>
    <message>
        <source>%1 closed the stream</source>
        <translation>%1 關閉了串流</translation>
    </message>
</context>
<context>
    <name>StreamFrameDecoder</name>
    <message>
        <source>frame %1</source>
        <translation>畫格 %1</translation>
    </message>
    <message>
        <source>no valid @time; using the time it arrived</source>
        <translation>沒有有效的 @time；改用抵達的時間</translation>
    </message>
    <message>
        <source>%1 unknown section(s) ignored (written by a newer producer?)</source>
        <translation>已忽略 %1 個未知區段（由較新版的產生端寫入？）</translation>
    </message>
    <message>
        <source>: no @netstat section in a %1 frame</source>
        <translation>：%1 畫格中沒有 @netstat 區段</translation>
    </message>
    <message>
        <source>: no /proc/net/tcp section</source>
        <translation>：沒有 /proc/net/tcp 區段</translation>
    </message>
</context>
<context>
    <name>StreamFrameReader</name>
    <message>
        <source>frame %1</source>
        <translation>畫格 %1</translation>
    </message>
    <message>
        <source>frame %1: a line is longer than %2 bytes; frame skipped</source>
        <translation>畫格 %1：有一行超過 %2 位元組；已略過此畫格</translation>
    </message>
    <message>
        <source>frame %1: truncated (a new frame began before @end); dropped</source>
        <translation>畫格 %1：不完整（在 @end 之前就開始了新的畫格）；已捨棄</translation>
    </message>
    <message>
        <source>before frame %1: %2 line(s) outside any frame ignored</source>
        <translation>畫格 %1 之前：已忽略 %2 行不屬於任何畫格的內容</translation>
    </message>
    <message>
        <source>frame %1: larger than the %2 MiB limit; skipped</source>
        <translation>畫格 %1：超過 %2 MiB 的上限；已略過</translation>
    </message>
    <message>
        <source>frame %1: dropped, %2 frames already waiting</source>
        <translation>畫格 %1：已捨棄，已有 %2 個畫格在等待</translation>
    </message>
    <message>
        <source>frame %1: truncated at end of input; ignored</source>
        <translation>畫格 %1：在輸入結尾處不完整；已忽略</translation>
    </message>
    <message>
        <source>after frame %1: %2 line(s) outside any frame ignored</source>
        <translation>畫格 %1 之後：已忽略 %2 行不屬於任何畫格的內容</translation>
    </message>
    <message>
        <source>frame %1: unknown format version &apos;%2&apos; (this tcpscope reads versions %3 to %4); skipped</source>
        <translation>畫格 %1：未知的格式版本「%2」（此版 tcpscope 讀取版本 %3 至 %4）；已略過</translation>
    </message>
</context>
<context>
    <name>StreamProcSource</name>
    <message>
        <source>proc root %1</source>
        <translation>proc 根目錄 %1</translation>
    </message>
</context>
<context>
    <name>StreamSource</name>
    <message>
        <source>%1 ended after %2 frame(s): %3</source>
        <translation>%1 在 %2 個畫格後結束：%3</translation>
    </message>
    <message>
        <source>connection lost (%1); reconnecting in %2 s (attempt %3)</source>
        <translation>連線中斷（%1）；%2 s 後重新連線（第 %3 次嘗試）</translation>
    </message>
    <message>
        <source>reconnecting: %1</source>
        <translation>重新連線中：%1</translation>
    </message>
    <message>
        <source>%1 ended: %2</source>
        <translation>%1 已結束：%2</translation>
    </message>
    <message>
        <source>connection lost (%1); reconnecting</source>
        <translation>連線中斷（%1）；重新連線中</translation>
    </message>
    <message>
        <source>waiting for data from %1</source>
        <translation>正在等待來自 %1 的資料</translation>
    </message>
    <message>
        <source>no data for %1 s</source>
        <translation>%1 s 沒有資料</translation>
    </message>
    <message>
        <source>the clock of %1 is %2 s %3 this machine&apos;s; times shown are this machine&apos;s</source>
        <translation>%1 的時鐘%3本機 %2 s；顯示的時間為本機時間</translation>
    </message>
    <message>
        <source>ahead of</source>
        <translation>快於</translation>
    </message>
    <message>
        <source>behind</source>
        <translation>慢於</translation>
    </message>
    <message>
        <source>%1 older frame(s) skipped to show the newest</source>
        <translation>已略過 %1 個較舊的畫格以顯示最新的畫格</translation>
    </message>
    <message>
        <source>waiting for the next keyframe from %1: a frame was lost</source>
        <translation>正在等待 %1 的下一個關鍵畫格：有一個畫格遺失了</translation>
    </message>
    <message>
        <source>receiving the first frame from %1: %2 KB so far (%3 s)</source>
        <translation>正在接收 %1 的第一個畫格：目前已收到 %2 KB（%3 秒）</translation>
    </message>
    <message>
        <source>connecting to %1 ... (%2 s)</source>
        <translation>正在連線到 %1 ...（%2 秒）</translation>
    </message>
</context>
<context>
    <name>StreamTable</name>
    <message>
        <source>frame %1</source>
        <translation>畫格 %1</translation>
    </message>
    <message>
        <source>%1: a frame before this delta was lost; waiting for the next keyframe</source>
        <translation>%1：此差異畫格之前有一個畫格遺失；正在等待下一個關鍵畫格</translation>
    </message>
    <message>
        <source>%1: %2 malformed @gone line(s) ignored</source>
        <translation>%1：已忽略 %2 行格式錯誤的 @gone</translation>
    </message>
    <message>
        <source>%1: %2 malformed @cookies line(s) ignored</source>
        <translation>%1：已忽略 %2 行格式錯誤的 @cookies</translation>
    </message>
</context>
<context>
    <name>SysctlParser</name>
    <message>
        <source>not a sysctl line: &quot;%1&quot;</source>
        <translation>不是 sysctl 行：「%1」</translation>
    </message>
</context>
<context>
    <name>TcpStateEventSource</name>
    <message>
        <source>loading the eBPF program needs CAP_BPF and CAP_PERFMON: run as root or `setcap cap_bpf,cap_perfmon+ep %1`</source>
        <translation>載入 eBPF 程式需要 CAP_BPF 與 CAP_PERFMON：請以 root 執行，或執行 `setcap cap_bpf,cap_perfmon+ep %1`</translation>
    </message>
    <message>
        <source>the kernel refused the eBPF program (%1: %2)</source>
        <translation>核心拒絕了 eBPF 程式（%1: %2）</translation>
    </message>
    <message>
        <source>this kernel has no BTF (/sys/kernel/btf/vmlinux is missing: it needs CONFIG_DEBUG_INFO_BTF=y); polling only</source>
        <translation>此核心沒有 BTF（缺少 /sys/kernel/btf/vmlinux：需要 CONFIG_DEBUG_INFO_BTF=y）；僅使用輪詢</translation>
    </message>
    <message>
        <source>cannot read the network namespace %1: %2</source>
        <translation>無法讀取網路命名空間 %1：%2</translation>
    </message>
    <message>
        <source>the eBPF event source is not open</source>
        <translation>eBPF 事件來源尚未開啟</translation>
    </message>
    <message>
        <source>reading the eBPF ring buffer failed: </source>
        <translation>讀取 eBPF 環狀緩衝區失敗：</translation>
    </message>
    <message>
        <source>built without eBPF support (install libbpf-dev bpftool clang and rebuild)</source>
        <translation>建置時未包含 eBPF 支援（請安裝 libbpf-dev bpftool clang 後重新建置）</translation>
    </message>
</context>
<context>
    <name>TcpStateMachine</name>
    <message>
        <source>The application calls listen(): the socket waits for connection requests. Nothing is sent.</source>
        <translation>應用程式呼叫 listen()：通訊端等待連線請求，不送出任何封包。</translation>
    </message>
    <message>
        <source>The application calls connect(): the kernel picks an ephemeral port if none is bound, sends a SYN and waits for the peer&apos;s SYN,ACK.</source>
        <translation>應用程式呼叫 connect()：若尚未綁定埠，核心會挑選一個臨時埠，送出 SYN，並等待對方的 SYN,ACK。</translation>
    </message>
    <message>
        <source>A SYN arrives at a listener. The kernel answers SYN,ACK and keeps a request socket (NEW_SYN_RECV on Linux since 4.1) until the handshake&apos;s last ACK.</source>
        <translation>SYN 抵達監聽通訊端。核心回覆 SYN,ACK，並保留一個請求通訊端（Linux 4.1 起為 NEW_SYN_RECV），直到交握的最後一個 ACK 抵達。</translation>
    </message>
    <message>
        <source>RFC 793 lets a listening socket turn into an active open when the user sends data. Sockets APIs do not offer this.</source>
        <translation>RFC 793 允許監聽中的通訊端在使用者傳送資料時轉為主動開啟。Sockets API 不提供這種用法。</translation>
    </message>
    <message>
        <source>The listener is closed; pending requests are reset.</source>
        <translation>監聽通訊端被關閉；尚未處理的連線請求會被重設。</translation>
    </message>
    <message>
        <source>The connect attempt is abandoned: closed by the application, refused by an RST, or it ran out of SYN retries (tcp_syn_retries).</source>
        <translation>放棄這次連線嘗試：應用程式關閉了它、對方以 RST 拒絕，或 SYN 重傳次數用盡（tcp_syn_retries）。</translation>
    </message>
    <message>
        <source>The peer accepted: its SYN,ACK acknowledges our SYN, we acknowledge its SYN, and data can flow.</source>
        <translation>對方接受了：它的 SYN,ACK 確認了我方的 SYN，我方再確認它的 SYN，之後就能傳送資料。</translation>
    </message>
    <message>
        <source>Simultaneous open: both ends sent a SYN at the same time. Each answers the other&apos;s SYN.</source>
        <translation>同時開啟：兩端同時送出 SYN，各自回應對方的 SYN。</translation>
    </message>
    <message>
        <source>The handshake&apos;s last ACK arrives. The connection is complete and waits in the accept queue.</source>
        <translation>交握的最後一個 ACK 抵達。連線建立完成，在接受佇列（accept queue）中等待 accept()。</translation>
    </message>
    <message>
        <source>The application closes before the handshake completes; a FIN is sent.</source>
        <translation>應用程式在交握完成前關閉；送出 FIN。</translation>
    </message>
    <message>
        <source>A reset during the handshake returns a passively opened connection to LISTEN.</source>
        <translation>交握期間收到重設（RST），被動開啟的連線會回到 LISTEN。</translation>
    </message>
    <message>
        <source>This end closes first (the active closer): it sends FIN and waits for the ACK. This end will pass through TIME-WAIT.</source>
        <translation>這一端先關閉（主動關閉端）：送出 FIN 並等待 ACK。之後會經過 TIME-WAIT 的是這一端。</translation>
    </message>
    <message>
        <source>The peer closed first. The kernel acknowledges the FIN; the application reads end-of-file and must call close(). Sockets that stay here mean the application never closes them.</source>
        <translation>對方先關閉。核心確認這個 FIN；應用程式讀到檔案結尾（end-of-file），必須呼叫 close()。通訊端一直停在這裡，表示應用程式從未關閉它們。</translation>
    </message>
    <message>
        <source>The peer acknowledged our FIN. Our direction is closed; we wait for the peer&apos;s FIN. If the application already closed, Linux drops the socket after tcp_fin_timeout.</source>
        <translation>對方確認了我方的 FIN。我方的傳送方向已關閉，等待對方的 FIN。若應用程式已經關閉通訊端，Linux 會在 tcp_fin_timeout 之後將它丟棄。</translation>
    </message>
    <message>
        <source>The peer&apos;s FIN arrives in the same segment as the ACK of our FIN, skipping FIN-WAIT-2.</source>
        <translation>對方的 FIN 與確認我方 FIN 的 ACK 在同一個區段中抵達，因此跳過 FIN-WAIT-2。</translation>
    </message>
    <message>
        <source>The peer&apos;s FIN arrives; we acknowledge it and wait 2 x MSL (60 s fixed on Linux) so a lost last ACK can be resent and old duplicates expire.</source>
        <translation>對方的 FIN 抵達；我方確認它，並等待 2 x MSL（Linux 固定為 60 秒），讓遺失的最後一個 ACK 可以重送，舊的重複封包也會在網路中消逝。</translation>
    </message>
    <message>
        <source>After a simultaneous close the peer acknowledges our FIN; this end now waits in TIME-WAIT.</source>
        <translation>同時關閉之後，對方確認了我方的 FIN；這一端現在於 TIME-WAIT 中等待。</translation>
    </message>
    <message>
        <source>The application closes its side; the kernel sends its FIN and waits for the last ACK.</source>
        <translation>應用程式關閉自己這一側；核心送出 FIN，並等待最後一個 ACK。</translation>
    </message>
    <message>
        <source>The peer acknowledged our FIN: the connection is gone without TIME-WAIT on this side.</source>
        <translation>對方確認了我方的 FIN：連線結束，這一側不經過 TIME-WAIT。</translation>
    </message>
    <message>
        <source>TIME-WAIT ends. Linux holds it a fixed 60 s (TCP_TIMEWAIT_LEN); FreeBSD 2 x net.inet.tcp.msl.</source>
        <translation>TIME-WAIT 結束。Linux 固定保留 60 秒（TCP_TIMEWAIT_LEN）；FreeBSD 為 2 x net.inet.tcp.msl。</translation>
    </message>
    <message>
        <source>TIME-WAIT assassination: an RST that arrives in TIME-WAIT ends it early, before the 60 s are up, so a new connection on the same four-tuple can start while old duplicates are still in the network. Linux does this with net.ipv4.tcp_rfc1337 = 0, its default, for an RST whose sequence number is exactly the next expected one; with tcp_rfc1337 = 1 the RST is ignored, as RFC 1337 recommends.</source>
        <translation>TIME-WAIT 暗殺（TIME-WAIT assassination）：在 TIME-WAIT 中收到的 RST 會讓它在 60 秒到期前提早結束，於是同一個四元組上的新連線可能在舊的重複封包仍在網路中時就開始。Linux 在 net.ipv4.tcp_rfc1337 = 0（預設值）時，對序號恰好等於下一個預期序號的 RST 會這樣做；tcp_rfc1337 = 1 時則忽略該 RST，這正是 RFC 1337 的建議。</translation>
    </message>
    <message>
        <source>A new SYN for the same four-tuple may reopen the connection from TIME-WAIT. Linux accepts it only if PAWS does not reject it and its sequence number is beyond rcv_nxt or its timestamp is newer: a SYN with an older TSval is refused even with a higher sequence number. Since Linux 7.0 timestamp offsets are per four-tuple, so clients behind a port-randomising NAT can be refused.</source>
        <translation>同一個四元組的新 SYN 可以把連線從 TIME-WAIT 重新開啟。Linux 只在 PAWS 沒有拒絕它，且其序號超過 rcv_nxt 或其時間戳記較新時才接受：TSval 較舊的 SYN 即使序號較大也會被拒絕。自 Linux 7.0 起，時間戳記偏移量依四元組而定，因此位於會隨機改寫埠號的 NAT 後方的用戶端可能被拒絕。</translation>
    </message>
    <message>
        <source>A reset, or abort (SO_LINGER 0), ends the connection at once. No TIME-WAIT follows.</source>
        <translation>重設（RST）或中止（SO_LINGER 0）會立即結束連線，之後不會進入 TIME-WAIT。</translation>
    </message>
    <message>
        <source>A reset, or abort (SO_LINGER 0, or close() with unread data), ends the connection at once. No TIME-WAIT follows.</source>
        <translation>重設（RST）或中止（SO_LINGER 0，或在仍有未讀資料時呼叫 close()）會立即結束連線，之後不會進入 TIME-WAIT。</translation>
    </message>
    <message>
        <source>A reset or abort ends the connection at once.</source>
        <translation>重設（RST）或中止會立即結束連線。</translation>
    </message>
    <message>
        <source>A reset or abort ends the connection at once. An abort in this state sends no RST: the FIN is already out.</source>
        <translation>重設（RST）或中止會立即結束連線。在這個狀態中止不會送出 RST：FIN 已經送出了。</translation>
    </message>
    <message>
        <source>Simultaneous close: the peer&apos;s FIN arrives before the ACK of ours. When the two FINs cross, both ends go through CLOSING; either way this end ends in TIME-WAIT.</source>
        <translation>同時關閉：對方的 FIN 比我方 FIN 的 ACK 先到。兩個 FIN 交錯時，兩端都會經過 CLOSING；無論如何，這一端最後都會進入 TIME-WAIT。</translation>
    </message>
    <message>
        <source>Not in the RFC: Linux drops an orphaned FIN-WAIT-2 (the application closed) when the peer has not sent its FIN within tcp_fin_timeout (default 60 s). FreeBSD drops one idle for 10 min (TP_MAXIDLE), sooner with net.inet.tcp.fast_finwait2_recycle.</source>
        <translation>RFC 沒有這一步：對於孤兒 FIN-WAIT-2（應用程式已關閉），若對方在 tcp_fin_timeout（預設 60 秒）內沒有送出 FIN，Linux 會將它丟棄。FreeBSD 則在閒置 10 分鐘（TP_MAXIDLE）後丟棄，啟用 net.inet.tcp.fast_finwait2_recycle 時更早。</translation>
    </message>
</context>
<context>
    <name>TunablesPanel</name>
    <message>
        <source>Tunable</source>
        <translation>參數</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>預設值</translation>
    </message>
    <message>
        <source>What it does, and does not</source>
        <translation>作用與限制</translation>
    </message>
    <message>
        <source>Waiting for the first poll...</source>
        <translation>等待第一次輪詢...</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>來源：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; kernel %2 %3. TIME_WAIT lasts &lt;b&gt;%4 s&lt;/b&gt; here.%5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 核心 %2 %3。此處 TIME_WAIT 持續 &lt;b&gt;%4 秒&lt;/b&gt;。%5</translation>
    </message>
    <message numerus="yes">
        <source> &lt;span style=&apos;background:#ffd54f&apos;&gt;&amp;nbsp;%n changed in the last minute&amp;nbsp;&lt;/span&gt;</source>
        <translation>
            <numerusform> &lt;span style=&apos;background:#ffd54f&apos;&gt;&amp;nbsp;過去一分鐘內有 %n 項變更&amp;nbsp;&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>not present</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>This kernel has no %1</source>
        <translation>此核心沒有 %1</translation>
    </message>
    <message>
        <source>Changed at %1 from %2</source>
        <translation>於 %1 從 %2 變更</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>（不存在）</translation>
    </message>
    <message>
        <source>What the selected tunable does</source>
        <translation>所選參數的作用</translation>
    </message>
    <message>
        <source>Select a tunable to read what it does.</source>
        <translation>選取一個參數以閱讀它的作用。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; = %2 (default %3)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; = %2（預設值 %3）</translation>
    </message>
    <message>
        <source>&lt;small&gt;Source: %1&lt;/small&gt;</source>
        <translation>&lt;small&gt;來源：%1&lt;/small&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;tcpscope reads this value but has no description of it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;tcpscope 會讀取此值，但沒有它的說明。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>作用</translation>
    </message>
</context>
</TS>
