// The tests need programs from Debian's packages: Chromium (browser tests, report PDFs; test
// tools may not download browsers here), GNU PSPP and R (they run the exported SPSS syntax and R
// script), and the independent readers of our SPSS/Stata files: PSPP, R's haven and ReadStat; poppler's pdftotext reads the report PDF back. When one is missing and we may install packages (root with apt-get, as on CI and fresh
// machines), install it; otherwise stop with the command to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const onPath = (command) => {
  try {
    execSync(`command -v ${command}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
};

const rHasPackage = (name) => {
  try {
    execSync(`Rscript -e 'library(${name})'`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
};

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = [
  ...(existsSync(chromium) ? [] : ['chromium']),
  ...(onPath('pspp') ? [] : ['pspp']),
  ...(onPath('Rscript') ? [] : ['r-base-core']),
  ...(onPath('readstat') ? [] : ['readstat']),
  ...(rHasPackage('haven') ? [] : ['r-cran-haven']),
  ...(onPath('pdftotext') ? [] : ['poppler-utils']),
];
if (missing.length > 0) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(`The tests need ${missing.join(', ')}. Install: sudo apt-get install -y ${missing.join(' ')} (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
  console.log(`The tests need ${missing.join(', ')}; installing Debian's packages…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
}
