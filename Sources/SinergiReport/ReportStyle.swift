/// The page's style sheet, inline: system fonts only, large type for projectors.
enum ReportStyle {
    /// Every report's document up to and including `<main>` and its line break: the doctype,
    /// the head with `title` (already escaped) and this style sheet inline.
    static func documentStart(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        <main>

        """
    }

    static let css = """
        :root{color-scheme:light}
        *{box-sizing:border-box}
        body{margin:0;background:#fff;color:#1a1a1a;\
        font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;\
        font-size:18px;line-height:1.45}
        main{max-width:1240px;margin:0 auto;padding:28px 20px 48px}
        header{border-bottom:3px solid #0072B2;padding-bottom:14px;margin-bottom:8px}
        h1{font-size:34px;line-height:1.2;margin:0 0 10px}
        .kicker{font-size:15px;letter-spacing:.06em;text-transform:uppercase;color:#555;margin:0 0 4px}
        dl.meta{display:flex;flex-wrap:wrap;gap:6px 28px;margin:0;font-size:17px}
        dl.meta div{display:flex;gap:8px}
        dl.meta dt{color:#555}
        dl.meta dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
        section{margin-top:40px;page-break-inside:avoid}
        h2{font-size:27px;line-height:1.25;margin:0 0 12px}
        svg.chart{display:block;width:100%;height:auto;font-family:inherit}
        p.read{margin:10px 0 0;color:#333;font-size:17px;max-width:70em}
        p.read strong{color:#1a1a1a}
        p.note{margin:0;padding:12px 16px;background:#f2f2f2;border-left:5px solid #E69F00;font-size:17px}
        table.outcomes{border-collapse:collapse;width:100%;font-size:17px;font-variant-numeric:tabular-nums}
        table.outcomes th,table.outcomes td{padding:7px 10px;border-bottom:1px solid #ddd;text-align:left}
        table.outcomes thead th{font-size:15px;color:#333;border-bottom:2px solid #777;vertical-align:bottom}
        table.outcomes td.num{text-align:right;white-space:nowrap}
        table.outcomes tbody th{white-space:nowrap}
        table.outcomes tr.region th,table.outcomes tr.region td{border-top:2px solid #777;font-weight:700}
        .chip{display:inline-block;padding:1px 8px;border-radius:4px;font-weight:700;font-size:15px}
        h3{font-size:22px;line-height:1.3;margin:0 0 10px}
        section section{margin-top:30px}
        p.lead{margin:0 0 12px;max-width:70em}
        ul.sentences{margin:0;padding:0;list-style:none;max-width:70em}
        ul.sentences li{margin:0 0 10px}
        .verdict{display:inline-block;padding:0 8px;border:2px solid;border-radius:4px;font-size:15px;\
        font-weight:700;white-space:nowrap;color:#1a1a1a;background:#fff}
        .verdict-better{border-color:#009E73}.verdict-better span{color:#009E73}
        .verdict-worse{border-color:#D55E00}.verdict-worse span{color:#D55E00}
        .verdict-unclear{border-color:#777}.verdict-unclear span{color:#555}
        div.wide{overflow-x:auto}
        table.ranking{font-size:16px}
        table.ranking tbody th{white-space:normal;min-width:8em}
        table.ranking .ci{color:#555;white-space:nowrap}
        details.by-government{margin:14px 0 0}
        details.by-government summary{cursor:pointer;font-size:20px;font-weight:700;padding:4px 0}
        table.by-government td{text-align:right;white-space:nowrap}
        table.by-government td[data-verdict=better] strong{color:#007A59}
        table.by-government td[data-verdict=worse] strong{color:#B34E00}
        p.search{margin:12px 0 8px}
        div.wide.tall{max-height:640px;overflow-y:auto;border-bottom:2px solid #777}
        div.tall thead th{position:sticky;top:0;background:#fff;z-index:1}
        p.search input{font:inherit;padding:4px 8px;min-width:18em}
        footer{margin-top:40px;padding-top:12px;border-top:1px solid #ddd;color:#555;font-size:15px}
        footer code{font-size:14px;word-break:break-all}
        """
}
