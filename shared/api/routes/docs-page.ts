// A small page that reads /v1/openapi.json and lists every route with its parameters and responses.
export const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Branchboard API</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#222}
h1{font-size:1.4rem}.op{border:1px solid #ddd;border-radius:6px;margin:.6rem 0;padding:.5rem .8rem}
.m{display:inline-block;min-width:4.2rem;font-weight:600;text-transform:uppercase}.get{color:#0a6}.post{color:#06c}
code{background:#f4f4f4;padding:0 .25rem;border-radius:3px}details pre{background:#f7f7f7;padding:.5rem;overflow:auto;font-size:12px}
</style></head><body>
<h1>Branchboard API</h1><p id="d"></p>
<p>Send your key as <code>Authorization: Bearer bb_…</code>. The machine-readable document: <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>
<div id="ops">Loading…</div>
<script>
fetch('/v1/openapi.json').then(r=>r.json()).then(doc=>{
  document.getElementById('d').textContent=doc.info.description||'';
  const ops=document.getElementById('ops');ops.textContent='';
  for(const [path,item] of Object.entries(doc.paths)){for(const [method,op] of Object.entries(item)){
    const div=document.createElement('div');div.className='op';
    const params=(op.parameters||[]).map(p=>p.name+(p.required?'':'?')+' ('+p.in+')').join(', ');
    const codes=Object.keys(op.responses||{}).join(' ');
    div.innerHTML='<span class="m '+method+'"></span> <code></code><div></div><small></small><details><summary>schema</summary><pre></pre></details>';
    div.querySelector('.m').textContent=method;div.querySelector('code').textContent=path;
    div.querySelector('div').textContent=op.summary||'';
    div.querySelector('small').textContent=(params?'parameters: '+params+' · ':'')+'responses: '+codes;
    div.querySelector('pre').textContent=JSON.stringify({request:op.requestBody,responses:op.responses},null,2);
    ops.appendChild(div);}}
}).catch(e=>{document.getElementById('ops').textContent='Could not load the API document: '+e});
</script></body></html>`;
