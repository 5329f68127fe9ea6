
extension PageAssets {
    /// The pages' only stylesheet, served from `/assets/site.css` (the CSP allows `style-src 'self'`
    /// and nothing inline). Light and dark through `prefers-color-scheme`; one column on a phone.
    /// Text colours keep at least 4.5:1 contrast on their backgrounds in both schemes.
    package static let stylesheet = #"""
        :root {
          color-scheme: light dark;
          --bg: #f4f6f9; --surface: #ffffff; --text: #1b2330; --muted: #4f5b6b; --border: #d5dbe3;
          --accent: #0b5cad; --accent-text: #ffffff; --grid: #e3e7ed; --axis: #8a94a3;
          --temp: #c2410c; --pop: #93c5fd; --precip: #1d4ed8; --wind: #0f766e; --separator: #64748b;
          --sun: #f59e0b; --moon: #94a3b8; --cloud: #cbd5e1; --cloud-stroke: #64748b; --rain: #2563eb;
          --aqi-1: #2e7d32; --aqi-2: #9bd14a; --aqi-3: #f2c94c; --aqi-4: #e8702a; --aqi-5: #b3261e;
          --aqi-1-text: #ffffff; --aqi-2-text: #1b2330; --aqi-3-text: #1b2330; --aqi-4-text: #1b2330; --aqi-5-text: #ffffff;
          --demo-bg: #fff4d6; --demo-text: #5c4100; --problem: #9a1c1c;
          --alert-bg: #fde8e8; --alert-border: #b3261e; --alert-text: #5f1410;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #0f141b; --surface: #18202b; --text: #e6ebf2; --muted: #a8b3c2; --border: #2c3746;
            --accent: #7cb8ff; --accent-text: #0f141b; --grid: #263140; --axis: #6b7789;
            --temp: #fb923c; --pop: #1e3a8a; --precip: #60a5fa; --wind: #2dd4bf; --separator: #8b98aa;
            --sun: #fbbf24; --moon: #e2e8f0; --cloud: #475569; --cloud-stroke: #94a3b8; --rain: #60a5fa;
            --demo-bg: #3a2e0a; --demo-text: #ffe7a3; --problem: #ff9b9b;
            --alert-bg: #3b1514; --alert-border: #ff8a80; --alert-text: #ffdad6;
          }
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; background: var(--bg); color: var(--text);
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
        }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; }
        .skip:focus { left: 8px; z-index: 1; background: var(--surface); padding: 4px 8px; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .muted { color: var(--muted); }
        .site-header {
          display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: center;
          padding: 12px 24px; background: var(--surface); border-bottom: 1px solid var(--border);
        }
        .brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--text); }
        .search { display: flex; gap: 8px; flex: 1 1 320px; max-width: 560px; }
        .search input {
          flex: 1; min-width: 0; padding: 8px 10px; font: inherit; color: var(--text);
          background: var(--bg); border: 1px solid var(--border); border-radius: 6px;
        }
        .search button {
          padding: 8px 14px; font: inherit; font-weight: 600; border: 0; border-radius: 6px;
          background: var(--accent); color: var(--accent-text); cursor: pointer;
        }
        .units { display: flex; gap: 4px; margin-left: auto; }
        .units a { padding: 6px 10px; border-radius: 6px; border: 1px solid var(--border); text-decoration: none; }
        .units a[aria-current="true"] { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
        .demo-banner { margin: 0; padding: 8px 24px; background: var(--demo-bg); color: var(--demo-text); }
        main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 32px; }
        h1 { font-size: 1.6rem; margin: 8px 0 16px; }
        h2 { font-size: 1.15rem; margin: 0 0 8px; }
        .cards { list-style: none; padding: 0; margin: 0; display: grid; gap: 16px; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); }
        .card article, .panel {
          background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 16px;
        }
        .panel { margin-bottom: 16px; }
        .card h2 a { text-decoration: none; }
        .local-time { margin: 0 0 8px; font-size: 0.95rem; }
        .now { display: flex; align-items: center; gap: 12px; }
        .now p { margin: 0; }
        .temp { font-size: 2.2rem; font-weight: 700; line-height: 1.1; }
        .condition { text-transform: capitalize; }
        .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(120px, 1fr)); gap: 8px 16px; margin: 12px 0 0; }
        .facts div { min-width: 0; }
        .facts dt { font-size: 0.8rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
        .facts dd { margin: 0; }
        .updated { margin: 12px 0 0; font-size: 0.85rem; }
        .problem { color: var(--problem); }
        .aqi-badge { display: inline-block; padding: 0 8px; border-radius: 999px; font-weight: 600; }
        .aqi-badge.aqi-1, .aqi-band.aqi-1 { background: var(--aqi-1); color: var(--aqi-1-text); fill: var(--aqi-1); }
        .aqi-badge.aqi-2, .aqi-band.aqi-2 { background: var(--aqi-2); color: var(--aqi-2-text); fill: var(--aqi-2); }
        .aqi-badge.aqi-3, .aqi-band.aqi-3 { background: var(--aqi-3); color: var(--aqi-3-text); fill: var(--aqi-3); }
        .aqi-badge.aqi-4, .aqi-band.aqi-4 { background: var(--aqi-4); color: var(--aqi-4-text); fill: var(--aqi-4); }
        .aqi-badge.aqi-5, .aqi-band.aqi-5 { background: var(--aqi-5); color: var(--aqi-5-text); fill: var(--aqi-5); }
        .aqi-legend { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; margin: 8px 0 0; }
        .icon { flex: none; }
        .icon-sun-disc { fill: var(--sun); }
        .icon-ray { stroke: var(--sun); stroke-width: 3; stroke-linecap: round; }
        .icon-moon { fill: var(--moon); }
        .icon-cloud { fill: var(--cloud); stroke: var(--cloud-stroke); stroke-width: 2; }
        .icon-rain { stroke: var(--rain); stroke-width: 3; stroke-linecap: round; }
        .icon-snow { fill: var(--rain); }
        .icon-bolt { fill: var(--sun); }
        .icon-mist { stroke: var(--cloud-stroke); stroke-width: 4; stroke-linecap: round; }
        .wind-arrow { vertical-align: -4px; }
        .wind-arrow-ring { fill: none; stroke: var(--border); }
        .wind-arrow-head { fill: var(--wind); }
        .chart { margin: 0 0 16px; }
        .chart-scroll, .table-scroll { overflow-x: auto; }
        .forecast-chart, .air-strip { display: block; width: 100%; min-width: 720px; height: auto; }
        .forecast-chart text, .air-strip text { fill: var(--muted); font-size: 13px; font-family: inherit; }
        .forecast-chart .panel-title { fill: var(--text); font-weight: 600; }
        .forecast-chart .day-label, .air-strip .day-label { fill: var(--text); font-weight: 600; }
        .grid { stroke: var(--grid); }
        .axis { stroke: var(--axis); }
        .day-separator { stroke: var(--separator); stroke-dasharray: 4 3; }
        .hour-tick { stroke: var(--axis); }
        .pop-bar { fill: var(--pop); opacity: 0.7; }
        .precip-bar { fill: var(--precip); }
        .temp-line { stroke: var(--temp); stroke-width: 2.5; stroke-linejoin: round; }
        .temp-point { fill: var(--temp); }
        .wind-line { stroke: var(--wind); stroke-width: 2; stroke-linejoin: round; }
        .wind-point { fill: var(--wind); }
        .wind-dir { fill: var(--wind); }
        .alerts {
          margin: 0 0 16px; padding: 12px 16px; border: 1px solid var(--alert-border); border-left-width: 6px;
          border-radius: 10px; background: var(--alert-bg); color: var(--alert-text);
        }
        .alerts h2 { font-size: 1rem; margin: 0 0 4px; }
        .alert + .alert { border-top: 1px solid var(--alert-border); margin-top: 8px; padding-top: 8px; }
        .alert p { margin: 0; overflow-wrap: anywhere; }
        .alert-event { font-weight: 700; font-size: 1.05rem; }
        .alert-details summary { cursor: pointer; font-weight: 600; }
        .alert-text { white-space: pre-line; margin-top: 4px; }
        .alerts-problem { margin: 0 0 16px; }
        .minutes-dry { margin: 0; }
        .minute-chart { display: block; width: 100%; min-width: 720px; height: auto; }
        .minute-chart text { fill: var(--muted); font-size: 13px; font-family: inherit; }
        .minute-bar { fill: var(--precip); }
        .quarter-chart { display: block; width: 100%; min-width: 720px; height: auto; }
        .quarter-chart text { fill: var(--muted); font-size: 13px; font-family: inherit; }
        .quarter-chart .panel-title, .quarter-chart .day-label { fill: var(--text); font-weight: 600; }
        .days { width: 100%; border-collapse: collapse; }
        .days caption { text-align: left; font-weight: 600; padding: 0 0 8px; }
        .days th, .days td { text-align: left; padding: 6px 8px; border-top: 1px solid var(--border); white-space: nowrap; }
        .days thead th { font-size: 0.8rem; color: var(--muted); text-transform: uppercase; border-top: 0; }
        .day-condition { display: flex; align-items: center; gap: 6px; text-transform: capitalize; }
        .examples { padding-left: 20px; }
        .breadcrumb { margin: 0 0 4px; }
        .place-meta { margin-top: -8px; }
        .site-footer { max-width: 1200px; margin: 0 auto; padding: 0 24px 24px; color: var(--muted); font-size: 0.9rem; }
        @media (max-width: 600px) {
          .site-header { padding: 10px 12px; }
          .units { margin-left: 0; }
          main { padding: 12px; }
          .demo-banner { padding: 8px 12px; }
          h1 { font-size: 1.35rem; }
          .temp { font-size: 1.9rem; }
          /* The day table: day and temperatures first and narrow, so a phone shows them without
             scrolling; the condition's words stay for screen readers, its icon for the eye. */
          .days th, .days td { padding: 6px 5px; }
          .day-condition-text { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        }

        """#
}
