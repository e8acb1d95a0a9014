// Package selects holds the guide's select statement (8.3): a request that
// waits for its reply or a timeout, whichever comes first ([Ask]), and the
// non-blocking send and receive of a select with a default case
// ([Mailbox]).
//
// They are checked as whole programs on weft's virtual clock (see the
// catalog's select entries), for what is not linearizability:
//
//   - a reply ready before the deadline is never reported as a timeout, and
//     one ready after it always is (at the deadline itself, either outcome
//     is legal: which of two events of the same instant comes first is a
//     scheduling decision);
//   - a request that timed out leaves no goroutine behind (the leak
//     verdict);
//   - a non-blocking send reports success exactly when the message was
//     delivered: the values received are the values whose sends reported
//     success, in order.
//
// Bug zoo: [AskUnbuffered], whose reply channel has no room, so that the
// responder of a timed-out request blocks forever on its send (a leak);
// and [DroppingMailbox], whose TrySend reports success when it dropped the
// message.
package selects
