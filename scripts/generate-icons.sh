#!/bin/sh
# Regenerates the raster icons in public/ from the one source, public/icon.svg.
# Needs librsvg and ImageMagick: sudo apt-get install -y librsvg2-bin imagemagick
set -eu
cd "$(dirname "$0")/../public"
for size in 16 32 48 192 512; do rsvg-convert -w "$size" -h "$size" icon.svg -o "icon-$size.png"; done
# iOS rounds the corners itself and shows transparent ones black: fill them with the icon's blue.
rsvg-convert -w 180 -h 180 -b "#1e40af" icon.svg -o apple-touch-icon.png
# The favicon holds the small sizes browsers and tabs ask for; the PNGs it was made from go.
/usr/bin/convert icon-16.png icon-32.png icon-48.png favicon.ico
rm icon-16.png icon-32.png icon-48.png
