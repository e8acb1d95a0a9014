// Package chans holds the guide's channels (8.1) as structures weft checks
// against the channel model (models.Channel): FIFO, capacity, the rendezvous
// of an unbuffered channel, and close (receivers drain the buffer, then get
// zero and false; a send or a close on a closed channel panics).
//
// [Chan] wraps a plain Go chan int: checked through weft's rewrite of plain
// Go, it is weft checking its own channel primitive, buffered and
// unbuffered. [Handmade] is a channel built by hand from a mutex, a slice and
// a sync.Cond, with the runtime's design (senders that find the buffer full
// park, and a receive moves the oldest parked sender's value into the slot it
// frees); its bug zoo is [NewOvertaking], whose receive takes a parked
// sender's value ahead of the buffered ones, and [NewLossyClose], whose close
// drops buffered values.
//
// Every operation behaves as the Go statement it names: Send as ch <- v
// (waits for room, or on an unbuffered channel for a receiver; panics on a
// closed channel, also when it was waiting as the channel closed), Recv as
// v, ok := <-ch, Close as close(ch), Len as len(ch).
package chans
