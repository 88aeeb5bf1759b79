// Copy the minified front-end libraries and their licences into the Python package,
// so the web UI needs no CDN at run time and a pip install needs no npm.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const out = "../src/newsgraph/serve/static/vendor";
const files = [
  ["echarts/dist/echarts.min.js", "echarts.min.js"],
  ["echarts/LICENSE", "echarts.LICENSE"],
  ["echarts/NOTICE", "echarts.NOTICE"],
  ["cytoscape/dist/cytoscape.min.js", "cytoscape.min.js"],
  ["cytoscape/LICENSE", "cytoscape.LICENSE"],
  // Natural Earth country outlines (1:110m) as TopoJSON, turned into GeoJSON in the browser
  ["world-atlas/countries-110m.json", "world-atlas.countries-110m.json"],
  ["world-atlas/LICENSE", "world-atlas.LICENSE"],
  ["topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client/LICENSE", "topojson-client.LICENSE"],
];
mkdirSync(out, { recursive: true });
const versions = {};
for (const [src, dest] of files) {
  copyFileSync(`node_modules/${src}`, `${out}/${dest}`);
  const pkg = src.split("/")[0];
  versions[pkg] = JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, "utf8")).version;
}
writeFileSync(`${out}/VERSIONS.json`, JSON.stringify(versions, null, 2) + "\n");
console.log("vendored", versions);
