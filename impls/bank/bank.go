// Package bank is the guide's deadlock by lock order (section 11.1): a
// transfer between two accounts locks both, and the order in which it takes
// the two locks decides whether transfers can deadlock.
//
// [OrderedBank] takes them in account order, which is the guide's fix: every
// goroutine acquires locks in one global order, so no cycle of waits can
// form. [DirectionalBank], in zoo.go, takes them in the transfer's direction,
// which is the guide's thread_1 / thread_2 bug, and with three accounts a
// three-lock cycle.
package bank

import "sync"

// account is one balance and the lock that guards it.
type account struct {
	mu      sync.Mutex
	balance int
}

// accounts is what both banks share: the accounts, and the transfer itself
// once the two locks are held.
type accounts []account

func newAccounts(n, initial int) accounts {
	as := make(accounts, n)
	for i := range as {
		as[i].balance = initial
	}
	return as
}

// move moves amount from one account to the other if the first holds
// enough; the caller holds both locks.
func (as accounts) move(from, to, amount int) bool {
	if as[from].balance < amount {
		return false
	}
	as[from].balance -= amount
	as[to].balance += amount
	return true
}

// Balance returns the balance of account a.
func (as accounts) Balance(a int) int {
	as[a].mu.Lock()
	defer as[a].mu.Unlock()
	return as[a].balance
}

// OrderedBank is a bank whose transfers lock the lower-numbered account
// first. It is linearizable: a transfer takes effect while it holds both
// locks (its linearization point is the move), a balance while it holds its
// account's lock. It cannot deadlock: a goroutine that waits for a lock
// holds only lower-numbered ones, so waits never go round a cycle.
type OrderedBank struct {
	accounts
}

// NewOrderedBank returns n accounts holding initial each.
func NewOrderedBank(n, initial int) *OrderedBank {
	return &OrderedBank{accounts: newAccounts(n, initial)}
}

// Transfer moves amount from account from to account to, if from holds at
// least amount, and reports whether it did. from and to must differ.
func (b *OrderedBank) Transfer(from, to, amount int) bool {
	first, second := min(from, to), max(from, to)
	b.accounts[first].mu.Lock()
	defer b.accounts[first].mu.Unlock()
	b.accounts[second].mu.Lock()
	defer b.accounts[second].mu.Unlock()
	return b.move(from, to, amount)
}
