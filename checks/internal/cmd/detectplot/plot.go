package main

import (
	"fmt"
	"image/color"
	"io"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// The PNG's geometry: a fixed width, and a height that grows with the bugs
// (one row each), so that the labels of the whole catalog stay readable.
const (
	plotWidth  = 9 * vg.Inch
	rowHeight  = 0.32 * vg.Inch
	plotMargin = 1.6 * vg.Inch // title, axis, legend
	plotDPI    = 96
)

// legendRows is the height of the legend of n strategies (and the entry
// for missed seeds), in rows of the plot.
func legendRows(n int) float64 { return math.Ceil(float64(n+1) * 0.6) }

// plotSize is the size of the plot of n bugs and s strategies, in inches
// and in pixels.
func plotSize(n, s int) (w, h vg.Length, pw, ph int) {
	rows := float64(max(n, 3)) + legendRows(s)
	w, h = plotWidth, plotMargin+vg.Length(rows)*rowHeight
	return w, h, int(math.Ceil(float64(w/vg.Inch) * plotDPI)), int(math.Ceil(float64(h/vg.Inch) * plotDPI))
}

// writePlot draws results as a horizontal dot plot as a PNG: one row per
// bug (the catalog's order, top to bottom), the executions to detection on
// a log scale, one series (colour and shape) per strategy, its dots offset
// a little within the row so that equal values stay apart. A ring marks a
// result with missed seeds: its median counts the budget's executions.
func writePlot(w io.Writer, results []result) error {
	gs, ss := groups(results), strategies(results)
	if len(gs) == 0 {
		return fmt.Errorf("no result to plot")
	}
	p := plot.New()
	p.Title.Text = "Executions to detection (median over seeds), per bug and strategy"
	p.X.Label.Text = "executions to the first failure (log scale)"
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = plot.LogTicks{Prec: -1}
	p.Add(plotter.NewGrid())
	p.Legend.Top = true
	p.Legend.Left = false

	row := func(g int) float64 { return float64(len(gs) - 1 - g) } // first bug on top
	// The legend sits in rows of its own above the first bug.
	p.Y.Min, p.Y.Max = -0.6, float64(len(gs))-0.4+legendRows(len(ss))
	p.Y.Tick.Marker = plot.TickerFunc(func(float64, float64) []plot.Tick {
		ticks := make([]plot.Tick, len(gs))
		for g := range gs {
			ticks[g] = plot.Tick{Value: row(g), Label: gs[g].bug}
		}
		return ticks
	})

	var missed plotter.XYs
	for s, strategy := range ss {
		var pts plotter.XYs
		offset := 0.0
		if len(ss) > 1 {
			offset = 0.5 * (float64(s)/float64(len(ss)-1) - 0.5)
		}
		for g, grp := range gs {
			for _, r := range grp.results {
				if r.Strategy != strategy {
					continue
				}
				// A bug caught at once took one execution; log scale
				// needs positive values.
				pt := plotter.XY{X: math.Max(r.Executions, 1), Y: row(g) - offset}
				pts = append(pts, pt)
				if r.Missed > 0 {
					missed = append(missed, pt)
				}
			}
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return fmt.Errorf("strategy %s: %w", strategy, err)
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: plotutil.DarkColors[s%len(plotutil.DarkColors)], Shape: plotutil.Shape(s), Radius: vg.Points(3.5)}
		p.Add(sc)
		p.Legend.Add(strategy, sc)
	}
	if len(missed) > 0 {
		sc, err := plotter.NewScatter(missed)
		if err != nil {
			return err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: color.Black, Shape: draw.RingGlyph{}, Radius: vg.Points(7)}
		p.Add(sc)
		p.Legend.Add("some seeds missed", sc)
	}

	// Whole decades around the data: a log axis needs positive bounds,
	// which plot's own padding of a single value would not keep.
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range results {
		lo, hi = math.Min(lo, math.Max(r.Executions, 1)), math.Max(hi, math.Max(r.Executions, 1))
	}
	// A tenth of a decade more on each side keeps the dots at the ends off
	// the axis.
	lo, hi = math.Floor(math.Log10(lo))-0.1, math.Max(math.Ceil(math.Log10(hi)), math.Floor(math.Log10(lo))+1)+0.1
	p.X.Min, p.X.Max = math.Pow(10, lo), math.Pow(10, hi)

	width, height, _, _ := plotSize(len(gs), len(ss))
	c := vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(plotDPI))
	p.Draw(draw.New(c))
	_, err := vgimg.PngCanvas{Canvas: c}.WriteTo(w)
	return err
}
